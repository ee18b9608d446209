/* sanctuary-guide: accent folding */
/* Appended to Material's lunr.es.min.js in the Spanish edition by sanctuary.steps.fold_spanish_search.
   Spanish search matches with or without accents: fold diacritics before the Spanish stemmer, at
   indexing and at query time alike ('informacion' finds 'información'). Material types a trailing
   "*" on each word (search as you type); drop it for stop words, stem the word without it, then
   put it back, so plural and accented forms still meet. */
(function (lunr) {
  var stem = lunr.es.stemmer, stop = lunr.es.stopWordFilter;
  var fold = function (token) {
    var star = false;
    token.update(function (s) {
      if (s.slice(-1) === "*") { star = true; s = s.slice(0, -1); }
      return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    });
    // Material types a "*" after every word, so "de*" passed the stop-word filter and matched
    // every title starting with "de" ("condado de Harris" found Desha and Des Moines first). A stop
    // word loses its "*": it then matches nothing (stop words are not indexed) and counts for nothing.
    if (star && !stop(token)) return token;
    var out = stem(token);
    return star ? out.update(function (s) { return s + "*"; }) : out;
  };
  lunr.Pipeline.registerFunction(fold, "stemmer-es-folded");
  lunr.es.stemmer = fold;
  // lunr skips the search pipeline for a term with a wildcard, so 'ciudades*' would never be
  // stemmed to meet 'ciudad'. Let trailing-wildcard terms through the (folding) stemmer.
  var parseTerm = lunr.QueryParser.parseTerm;
  lunr.QueryParser.parseTerm = function (parser) {
    var clause = parser.currentClause;
    var next = parseTerm(parser);
    if (clause.term && /[^*]\*$/.test(clause.term)) { clause.usePipeline = true; }
    return next;
  };
})(this.lunr || self.lunr);
