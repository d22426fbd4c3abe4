// Where a template or document site cut text out and left a marker: ……略……, ……此处隐藏860个字……,
// （略）. Text is missing there, so no count runs across it (see enumeration-sequence).

/** Global and sticky-free: set lastIndex, exec, and compare the match's index. Every quantifier is bounded. */
export const OMISSION = /此处(?:隐藏|省略|已隐藏)[0-9０-９]{1,6}个?字|(?:……|…|\.{3,6})[（(]?略[）)]?(?:……|…|\.{3,6})|[（(]略[）)]|…{4,12}/g;
