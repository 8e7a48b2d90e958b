// The differ that the published site uses for changes pages, banners, versions.json and the feed.
// Until the diff engine (src/diff/index.ts) is on this branch, the simple differ stands in.
import { simpleDiffer, type Differ } from '../render/changes.js';

export const siteDiffer: Differ = simpleDiffer;
