// SARIF 2.1.0, for code-scanning dashboards. Rules are listed once, results point at them.
import { createRequire } from 'node:module';
import type { FileReport } from './index.js';

export function formatSarif(files: FileReport[]): string {
  const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  const ruleIds = [...new Set(files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)))].sort();
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIds.indexOf(d.ruleId),
      level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
      message: { text: d.cite ? `${d.message} (${d.cite})` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: (d.file ?? f.path).split('\\').join('/') },
            ...(d.start
              ? {
                  region: {
                    startLine: d.start.line,
                    startColumn: d.start.column,
                    ...(d.end ? { endLine: d.end.line, endColumn: d.end.column } : {}),
                  },
                }
              : {}),
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policyc',
            version,
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
