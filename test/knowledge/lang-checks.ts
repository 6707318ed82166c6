/** Helpers for locale tests: does a text look like real Vietnamese / Chinese rather than English left behind? */

export const CJK = /[\u4e00-\u9fff]/u;
/** Letters that exist in Vietnamese but not in English. */
export const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
