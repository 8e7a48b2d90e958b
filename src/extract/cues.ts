// Practice verbs, negation, modality and frame cues. All patterns run on the lower-cased mask.

import { eager } from './native-regexp.js';

/** Practice verbs, with noun forms and passives ("disclosure", "is shared"). */
export const COLLECT_RE =
  eager(/\b(?:collect(?:s|ed|ing|ion)?|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|request(?:s|ed)?|ask(?:s|ed)? (?:you )?(?:for|to (?:provide|give|enter|submit))|solicit(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|log(?:s|ged|ging)?|record(?:s|ed|ing)?|track(?:s|ed|ing)?|captur(?:e|es|ed|ing)|compil(?:e|es|ed|ing)|stor(?:e|es|ed|ing|age)|sav(?:e|es|ed)|keep(?:s)?|kept|retain(?:s|ed)?|maintain(?:s|ed)?|access(?:es|ed)?|know(?:s)?|learn|get|detect(?:s|ed)?|read(?:s)?|scan(?:s|ned)?|(?:you|users|visitors|customers) (?:may )?(?:provide|give|submit|enter|supply|share|send|upload|post|choose to provide)|(?:provided|submitted|entered|supplied|given) (?:to us )?by you|automatically (?:receive|collect|record|log))\b/g);

export const USE_RE =
  /\b(?:use[sd]?|using|usage|utili[sz](?:e|es|ed|ing)|process(?:es|ed|ing)?|analy[sz](?:e|es|ed|ing)|combin(?:e|es|ed|ing)|aggregat(?:e|es|ed|ing)|employ(?:s|ed)?|link(?:s|ed)? (?:it |this )?(?:with|to)|associat(?:e|ed) (?:it |this )?with)\b/g;

export const SHARE_RE =
  eager(/\b(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing|ure|ures)|provid(?:e|es|ed|ing)\b(?:[^.;]{0,60}?)\bto\b|giv(?:e|es|en|ing)\b(?:[^.;]{0,40}?)\bto\b|transfer(?:s|red|ring)?|transmit(?:s|ted|ting)?|send(?:s)?\b(?:[^.;]{0,40}?)\bto\b|sent\b(?:[^.;]{0,40}?)\bto\b|releas(?:e|es|ed|ing)|report(?:s|ed)? (?:it |this |such )?to|exchang(?:e|es|ed|ing)|mak(?:e|es|ing) (?:[a-z]+ ){0,4}available|made (?:[a-z]+ ){0,2}available|pass(?:es|ed)? (?:it |this |such )?(?:on|along|to)|distribut(?:e|es|ed|ing)|rent(?:s|ed|ing)?|sell(?:s|ing)?|sold|sale|trad(?:e|es|ed|ing)|leas(?:e|es|ed|ing)|publish(?:es|ed)?|(?:publicly )?(?:display(?:s|ed)?|post(?:s|ed)?) publicly|(?:is|are|be|become|becomes) public|access(?:ed)? by|collected (?:and used )?by|(?:seen|viewed|read) by|work with|partner with|engag(?:e|es|ed) |hire|retains? the services)\b/g);

export const SELL_RE = /\b(?:sell(?:s|ing)?|sold|sale of (?:your |any |our customers' )?(?:personal |user )?(?:information|data)|rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)|trad(?:e|es|ed|ing) (?:your |any |personal )|monetiz)/;

/** Negation cues. */
export const NEG_CUE_RE = /\b(?:not|never|no longer|neither|nor|dont|doesnt|wont|didnt|refrain(?:s|ed)? from)\b|n't\b|\bcannot\b/g;

/** Words allowed between a negation cue and the practice verb it negates. */
export const NEG_GAP_RE =
  eager(/^(?:\s|,|\b(?:be|been|being|have|has|had|we|knowingly|willfully|wilfully|intentionally|currently|otherwise|ever|actively|routinely|generally|directly|automatically|further|also|now|any|in any way|under any circumstances|intend to|plan to|seek to|attempt to|and|or|will|share,|sell,|rent,|collect,|use,|disclose,|personally|specifically|deliberately|voluntarily|willingly|purposely|trade|rent|sell|or otherwise|otherwise|in the business of|include|includes|including|involve|involves)\b)*$/);

/** Frames that contain a negation word but are not a negated practice. */
export const CHOICE_FRAME_RE =
  eager(/\b(?:if|should|in case|when) you (?:do not|don't|no longer|would prefer not to|prefer not to|choose not to|decide not to|wish not to|would rather not|do not wish|do not want|decline)|\b(?:prefer|choose|decide|elect|wish|want|request|ask us) (?:that we )?not to\b|\bwhether or not\b|\bopt[- ]?out\b|\bunsubscribe\b|\bno longer (?:wish|want|receive)|\b(?:do not|don't) (?:wish|want) to (?:receive|provide|give|share|have|continue|participate)|\bnot required to\b|\byou (?:do not|don't) have to\b|\bnot (?:to )?(?:accept|receive)\b|\byou (?:can|may) (?:also )?(?:disable|delete|block|reject|refuse|remove|turn off|decline|adjust|manage|control)\b/);

export const DISCLAIMER_RE =
  eager(/\bnor (?:control|responsib\w*)\b|\b(?:do|does) not have (?:access to|control over)\b|\bsubject to (?:their|its|the) own\b|\bgoverned by (?:their|its|the) own\b|\bnot (?:be )?responsible\b|\bnot liable\b|\b(?:does|do|shall|will) not (?:apply|cover|extend)\b|\b(?:cannot|can't|can not|do not|does not|unable to|not) (?:guarantee|ensure|warrant|promise|control|be held)\b|\bno (?:control|responsibility)\b|\bhave no\b|\bnot (?:necessarily|endorse)|\bis not 100%|\bno (?:method|system|data transmission|transmission)\b|\b(?:please )?do not (?:send|submit|post|include|use|provide us with)\b(?=[^.]*\b(?:sensitive|confidential|via e-?mail|through|in|social security)\b)/);

export const IDENTIFIABILITY_RE =
  eager(/\b(?:does|do|will|is|are|cannot|can't|can not)(?: not|n't)? (?:be )?(?:used to )?(?:personally )?identif(?:y|ies|iable)|\bnot (?:personally )?identif|\b(?:is|are|be) (?:not|never) (?:be )?(?:correlated|linked|associated|tied|connected|combined|matched)\b|\bnon-?(?:personally[- ])?identifi|\b(?:you are|remain) anonymous\b|\banonymous(?:ly)?\b|\baggregate(?:d)?\b|\bde-?identified\b/);

export const PUBLIC_FRAME_RE = eager(/\bnot (?:be )?(?:treated|considered|kept|regarded) (?:as )?(?:confidential|private)\b|\b(?:is|are|be|becomes?) (?:public(?:ly available)?|public information)\b|(?<!\b(?:not|never) )\b(?:is|are|be) (?:treated|considered|regarded) as (?:public|public information|(?:a )?public records?)\b|\bcan be (?:seen|read|collected|viewed|accessed|used)(?: and used)? by (?:others|anyone|the public|other users)|(?<!\b(?:not|never) )\bpublicly (?:archived|displayed|posted)\b|(?<!\b(?:not|never) )\b(?:displayed|appears?|shown|visible|listed|included|posted) (?:on|in) (?:your |the |a |their |his or her )?public (?:profile|page|directory|listing)/);

export const DNT_RE = /\bdo[- ]not[- ]track\b|\bdnt\b/;

export const HEDGE_RE = /\b(?:may|might|could|can|from time to time|occasionally|sometimes|in some cases|in certain (?:cases|circumstances)|where appropriate|as needed|if necessary)\b/;

export const CONDITION_RE = /\b(?:if|when|whenever|in the event(?: that| of)?|in case|upon|once|where (?:required|permitted|necessary|applicable|you))\b/;

export const EXCEPTION_RE = /\b(?:unless|except(?: (?:as|when|where|for|in|to|that|with|if))?|other than|apart from|aside from|with the exception of|without (?:your |first obtaining your |obtaining your )?(?:prior |express |explicit )?(?:consent|permission|authori[sz]ation))\b/;

export const LEGAL_RE = /\b(?:law|legal(?:ly)?|court|subpoena|warrant|regulat\w*|government|police|law enforcement|authorit(?:y|ies))\b/;

/** Section classes from heading words: a prior, never a label. */
export const SECTION_CLASSES: [string, RegExp][] = [
  ['children', /\b(?:child|children|kids|minors|coppa|under (?:the age of )?1[0-9])\b/],
  ['dnt', /\bdo[- ]not[- ]track\b/],
  ['cookies', /\b(?:cookies?|beacons?|tracking technolog|pixels?|analytics|advertis)/],
  ['security', /\b(?:secur|protect|safeguard)/],
  ['retention', /\b(?:retention|retain|how long|storage|keep)/],
  ['international', /\b(?:international|transfer|outside|cross[- ]border|where we (?:store|process))/],
  ['changes', /\b(?:changes?|updates?|amendments?|modifications?) (?:to|in|of) (?:this|our|the)|\bpolicy changes\b|\bchanges\b/],
  ['contact', /\b(?:contact|questions|how to reach|comments)\b/],
  ['rights', /\b(?:rights?|access(?:ing)?|correct|updat(?:e|ing) your|delet|review|choices?|opt[- ]?out|control|preferences|unsubscribe|your options)/],
  ['sharing', /\b(?:shar(?:e|ing)|disclos|third part|with whom|recipients?|who (?:we|do we)|transfer)/],
  ['use', /\b(?:use|usage|how we use|purposes?)\b/],
  ['collection', /\b(?:collect|gather|information we|what information|types of (?:personal )?information|data we)/],
];

/** Sentences about the policy itself or pointers elsewhere: not a statement of practice. */
export const META_FRAME_RE =
  eager(/\b(?:this|our|the) (?:privacy )?(?:policy|statement|notice)\b[^.]{0,40}\b(?:describes|explains|covers|applies|tells|sets out|informs|outlines|discloses)\b|\byou(?:'ll| will) learn\b|\bclick here\b|\bfor more information\b|\bto learn more\b|\blearn more about\b|\bsafe harbou?r\b|\bprivacy shield\b|\b(?:read|review|consult)\b[^.]{0,30}\bprivacy (?:policy|policies|statements?|notices?|practices)\b/);

/**
 * Sentences that name data without saying it is collected, used or shared (data categories only;
 * other facets keep their own frames): a topic list or question ("How we collect your personal
 * information;"), a cross-reference ("See ..."), a definition of a term, a data-quality promise
 * ("keep your information accurate"), choices offered about practices, a request the user sends
 * ("please include your name and e-mail address"), consent asked before a practice.
 */
export const DATA_OTHER_FRAME_RE = eager(new RegExp(
  [
    /^(?:how|what|why|with whom|to whom)\b[^:]*$/.source,
    /\?$/.source,
    /^(?:please )?(?:see|refer to|go to)\b/.source,
    /\b(?:policy|statement|notice) (?:focuses on|is about)\b/.source,
    /\b(?:personal(?:ly identifiable)? (?:information|data)|pii)\b[^.]{0,12}(?:\bmeans\b|\brefers to\b|\bis defined as\b|[-–—]+\s*information (?:that|which))/.source,
    /\b(?:keep|maintain|ensure|ensuring)\b[^.]{0,60}\b(?:accurate|up[- ]to[- ]date|complete and current)\b/.source,
    /\b(?:choices?|options) (?:about|regarding|concerning|over|with respect to|as to)\b/.source,
    /\b(?:request(?:ing|s)?|ask(?:ing)?) (?:for )?(?:access|a copy|corrections?|deletion|changes|removal)\b/.source,
    /\bfor verification purposes\b|\brequested changes\b|\b(?:the )?(?:personal )?information (?:you )?(?:have )?requested\b/.source,
    /\b(?:ask|obtain|seek|get|request) (?:for )?your (?:[a-z]+ )?(?:consent|permission) (?:before|prior to)\b/.source,
    /\bplease (?:e-?mail|write to|contact|call) us\b[^.]{0,80}\b(?:provide|include|give|tell us)\b/.source,
  ].join('|'),
));

/**
 * Publication worded as a state, not an act: "your profile is publicly visible", "reviews are made
 * public", "your username can be seen by everyone", "comments become part of the public record",
 * "your page may appear in search results", "available for anyone to view", "channels are always public"
 * (an adverb between the copula and "public"; the bare "is public" is PUBLIC_FRAME_RE's). Not after a negation ("is never publicly visible", "cannot
 * be seen by everyone": PUBLIC_DENIED in index.ts reads those). Run only when the sentence has one of
 * the literals of PUBLIC_STATE_GATE.
 */
export const PUBLIC_STATE_GATE = /public|everyone|everybody|anybody|anyone|the world|search (?:results|engines)/;
export const PUBLIC_STATE_RE =
  eager(/(?<!(?:not|never|n't)\s+)\b(?:is|are|be|been|becomes?|remains?|stays?)\s+(?:(?:always|also|then|automatically|generally|therefore|still|immediately|permanently|and)\s+)*(?:made\s+)?(?:publicly|permanently)\s+(?:and\s+(?:publicly|permanently)\s+)?(?:visible|viewable|available|accessible|displayed|searchable|archived|shown|attributed|listed)\b|(?<!(?:not|never|n't)\s+)\b(?:is|are|be|been|becomes?)\s+(?:(?:always|also|then|automatically)\s+)*made\s+public\b|(?<!(?:not|never|n't)\s+)\bcan\s+(?:(?:also|then)\s+)?be\s+(?:seen|viewed|read|accessed|found)(?:\s+and\s+(?:used|copied|shared))?\s+by\s+(?:everyone|everybody|anybody|anyone|the world)\b|(?<!(?:not|never|n't)\s+)\b(?:visible|viewable|available|accessible|shown|displayed)\s+(?:to|for)\s+(?:everyone|everybody|anybody|anyone|the world|the (?:general )?public)\b|(?<!(?:not|never|n't)\s+)\b(?:is|are|remains?|stays?)\s+(?:(?:always|also|automatically|therefore|still|permanently|generally|by default)\s+)+public(?=\s*(?:[,.;:)!?]|$))|(?<!(?:not|never|n't)\s+)\b(?:is|are|be|becomes?|forms?)\s+(?:(?:a|the)\s+)?(?:part\s+of\s+(?:a|the)\s+)?(?:permanent,?\s+)?public\s+record\b|(?<!(?:not|never|n't)\s+)\b(?:appear|be\s+(?:available|shown|displayed|listed|included|indexed|found))\s+(?:in|by)\s+(?:(?:the|third[- ]party|public|internet|web)\s+)*search\s+(?:results|engines)\b|\bcreat(?:e|es|ed|ing)\s+(?:a|the)\s+(?:permanent,?\s+)?public\s+record\b|\b(?:anyone|everyone|anybody|everybody|the public)\s+(?:(?:can|may|will|could)\s+)(?:also\s+)?(?:see|view|read|access|find)\b|(?<!(?:not|never|n't)\s+(?:be\s+)?)\bma(?:ke|kes|de|king)\s+(?:(?!(?:it|this|that|sure|certain|clear|available|until|after|before|during)\b)[a-z'-]+\s+){0,5}?public(?![a-z-])(?=\s*(?:[,.;:)!?]|$|(?:to|via|on|in|at|by|for|and|or|when|if|so|unless|through|after|before|without|with|as)\b))|(?:\band|\bor|,)\s+made\s+public(?![a-z-])/);
