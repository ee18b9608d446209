/* sanctuary-guide: accent folding */
/* Appended to Material's lunr.es.min.js in the Spanish edition by sanctuary.steps.fold_spanish_search,
   so it runs in the search worker before the index is built. Three things, one cause: Spanish words are
   indexed folded and stemmed ("detención" -> "detencion", "condado" -> "cond"), while the reader types
   whole words with accents, and Material adds a "*" to each word (search as you type).
   1. Folding: diacritics are dropped before the Spanish stemmer, at indexing and at query time alike
      ('informacion' finds 'información').
   2. A typed word matches its stem exactly, or any indexed word that starts with the word as typed:
      "ciudades" finds "ciudad" (its stem), "ciuda" finds "ciudad" (a prefix), but "condado" no longer
      finds "condicional" (its stem "cond" is not taken as a prefix). A stop word counts for nothing.
   3. Material marks a query word missing (the struck-through "Falta:" line) when no matched index
      word starts with the word as typed, and skips stop words with lunr's English list. Matched
      words are named as typed, and stop words are Spanish ones, so only a word a result really
      lacks is struck out. */
(function (lunr) {
  var stem = lunr.es.stemmer, stop = lunr.es.stopWordFilter;
  var plain = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
  // lunr's stop-word filters return nothing for a stop word; typed with or without its accent
  var isStop = function (word) { return !stop(word) || !stop(plain(word)); };

  var fold = function (token) {
    var word = token.toString(), star = word.slice(-1) === "*";
    if (star) word = word.slice(0, -1);
    // A stop word is dropped (lunr drops it before the stemmer at indexing too). Material types a
    // "*" after every word, so "de*" once matched every title starting with "de" ("condado de
    // Harris" found Desha and Des Moines first), and a quoted phrase ("+de") found nothing.
    if (isStop(word)) return undefined;
    var folded = plain(word);
    token.update(function () { return folded; });
    if (!star) return stem(token);
    var root = stem(token.clone()).toString();
    // Both forms travel as one term, split again by TokenSet.fromClause below: lunr would treat two
    // terms of one required word ("+word", a quoted phrase, Material's suggestions) as two words.
    return token.update(function () { return root.indexOf(folded) === 0 ? folded + "*" : root + " " + folded + "*"; });
  };
  lunr.Pipeline.registerFunction(fold, "stemmer-es-folded");
  lunr.es.stemmer = fold;

  // One token set that accepts the stem exactly or the typed word as a prefix ("cond condado*").
  var graft = function (into, from) {  // from has no wildcard loop (a plain stem)
    into.final = into.final || from.final;
    Object.keys(from.edges).forEach(function (ch) {
      if (into.edges[ch] && into.edges[ch] !== into) graft(into.edges[ch], from.edges[ch]);
      else into.edges[ch] = from.edges[ch];
    });
    return into;
  };
  var fromClause = lunr.TokenSet.fromClause;
  lunr.TokenSet.fromClause = function (clause) {
    var parts = clause.term.split(" ");
    if (parts.length !== 2 || "editDistance" in clause) return fromClause(clause);
    return graft(lunr.TokenSet.fromString(parts[1]), lunr.TokenSet.fromString(parts[0]));
  };
  var forms = function (index, term) {  // what lunr looked up for a query word
    return index.pipeline.runString(term).join(" ").split(" ").filter(Boolean);
  };
  var found = function (key, form) {
    return form.slice(-1) === "*" ? key.indexOf(form.slice(0, -1)) === 0 : key === form;
  };

  // Nor can a stop word be required (a quoted phrase, "+de", Material's suggestions): it is never
  // indexed, so it would rule out every result (and a required word with no term stops lunr).
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    var out = clause.call(this, c), last = this.clauses[this.clauses.length - 1];
    if (last.presence === lunr.Query.presence.REQUIRED && isStop(last.term.replace(/^\*|\*$/g, "").toLowerCase())) {
      last.presence = lunr.Query.presence.OPTIONAL;
    }
    return out;
  };

  // lunr skips the search pipeline for a term with a wildcard, so 'ciudades*' would never be
  // stemmed to meet 'ciudad'. Let trailing-wildcard terms through the (folding) stemmer.
  var parseTerm = lunr.QueryParser.parseTerm;
  lunr.QueryParser.parseTerm = function (parser) {
    var clause = parser.currentClause;
    var next = parseTerm(parser);
    if (clause.term && /[^*]\*$/.test(clause.term)) { clause.usePipeline = true; }
    return next;
  };

  // After each search, name every query word a result matched as the reader typed it (with no
  // positions, so highlighting is unchanged): Material compares the typed words with these names.
  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    var results = search.call(this, queryString), index = this;
    var query = new lunr.Query(this.fields);
    new lunr.QueryParser(queryString, query).parse();
    var words = query.clauses.filter(function (c) {
      return c.presence !== lunr.Query.presence.PROHIBITED;
    }).map(function (c) {
      // Material's name for the word: the term as typed, lowercased, without its wildcards
      var typed = c.term.replace(/^\*/, "").replace(/\*$/, "");
      return { typed: typed, forms: c.usePipeline ? forms(index, c.term) : [c.term] };
    });
    results.forEach(function (result) {
      var meta = result.matchData.metadata, keys = Object.keys(meta);
      words.forEach(function (w) {
        if (w.typed in meta) return;
        if (keys.some(function (k) { return w.forms.some(function (f) { return found(k, f); }); })) meta[w.typed] = {};
      });
    });
    return results;
  };
  // Material skips stop words when it lists missing words, with lunr.stopWordFilter (English).
  var stopWordFilter = function (token) { return isStop(token.toString()) ? undefined : token; };
  lunr.Pipeline.registerFunction(stopWordFilter, "stopWordFilter-es-folded");
  lunr.stopWordFilter = stopWordFilter;
})(this.lunr || self.lunr);
