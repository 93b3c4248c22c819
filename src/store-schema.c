/*
 * store-schema.c: the database schema and its forward migrations.
 *
 * PRAGMA application_id says the file is dossier's (store_schema_identify
 * refuses other programs' databases before anything is written to them).
 * PRAGMA user_version holds the schema version. migrations[v-1] takes a
 * database from version v-1 to v; each runs in one transaction, so a crash
 * leaves the old version intact. A migration only adds or reshapes: it
 * never drops rows, because annotations are a person's work.
 *
 * Offsets (start, end) are byte offsets into articles.body, half-open.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

/* The list's buckets of article ROW (see migration 2). */
#define LIST_K1(row) \
	"CASE WHEN " row ".published IS NULL THEN " row ".id >> 16" \
	" ELSE substr(" row ".published, 1, 4) END"
#define LIST_K2(row) \
	"CASE WHEN " row ".published IS NULL THEN " row ".id >> 8" \
	" ELSE substr(" row ".published, 1, 10) END"
#define LIST_ADD(row) \
	"  INSERT INTO list_years(k, n) VALUES (" LIST_K1(row) ", 1)" \
	"    ON CONFLICT(k) DO UPDATE SET n = n + 1;" \
	"  INSERT INTO list_days(k1, k2, n) VALUES (" LIST_K1(row) ", " LIST_K2(row) ", 1)" \
	"    ON CONFLICT(k1, k2) DO UPDATE SET n = n + 1;"
#define LIST_DROP(row) \
	"  UPDATE list_years SET n = n - 1 WHERE k = " LIST_K1(row) ";" \
	"  DELETE FROM list_years WHERE k = " LIST_K1(row) " AND n <= 0;" \
	"  UPDATE list_days SET n = n - 1 WHERE k1 = " LIST_K1(row) \
	"    AND k2 = " LIST_K2(row) ";" \
	"  DELETE FROM list_days WHERE k1 = " LIST_K1(row) " AND k2 = " LIST_K2(row) \
	"    AND n <= 0;"

/* A trigger NAME on EVENT that queues the record KIND with KEY for the
 * next sync, when the database has joined a team and is not writing what
 * it pulled. A NULL key (a tag whose uuid comes from tags_uuid) waits
 * for the update that sets it. */
#define SYNC_QUEUE(name, event, kind, key) \
	"CREATE TRIGGER " name " " event \
	"  WHEN (SELECT applying FROM sync_on) = 0 AND " key " IS NOT NULL BEGIN" \
	"  INSERT OR REPLACE INTO sync_outbox(kind, key) VALUES (" kind ", " key ");" \
	"END;"

/* The list's counts from the articles as they are. */
#define LIST_FILL \
	"INSERT INTO list_years(k, n) SELECT " LIST_K1("articles") ", count(*)" \
	"  FROM articles GROUP BY 1;" \
	"INSERT INTO list_days(k1, k2, n) SELECT " LIST_K1("articles") ", " \
	LIST_K2("articles") ", count(*) FROM articles GROUP BY 1, 2;"

/*
 * The keys related statements are found by (see migration 11), of the
 * statement ROW: its key terms ("term:2" counts as "term"), its
 * agreements and places as "@id", and the empty key that every statement
 * has (its df counts the statements). The lists are made JSON arrays to
 * be split by json_each; one that is not valid JSON gives no keys rather
 * than refuse the statement.
 */
#define RELATED_TERMS_JSON(row) "'[\"' || replace(" row ".terms, ' ', '\",\"') || '\"]'"
#define RELATED_ENTS_JSON(row) "'[' || replace(" row ".entities, ' ', ',') || ']'"
#define RELATED_TERM_OF(v) \
	"CASE WHEN instr(" v ", ':') > 0 THEN substr(" v ", 1, instr(" v ", ':') - 1)" \
	" ELSE " v " END"
#define RELATED_KEYS(row) \
	"SELECT '' UNION SELECT '@' || value FROM json_each(CASE WHEN json_valid(" \
	RELATED_ENTS_JSON(row) ") THEN " RELATED_ENTS_JSON(row) " END) WHERE value > 0" \
	" UNION SELECT " RELATED_TERM_OF("value") " FROM json_each(CASE WHEN json_valid(" \
	RELATED_TERMS_JSON(row) ") THEN " RELATED_TERMS_JSON(row) " END) WHERE value <> ''"
/* The last statement linked (analyze-related.c): those up to it are in
 * the keys index, those after it are put there when they are linked. */
#define RELATED_LINKED \
	"coalesce((SELECT CAST(value AS INTEGER) FROM state WHERE key = 'related.linked'), 0)"
/* The keys of every linked statement, as a table (sid, key); no empty key. */
#define RELATED_ALL_KEYS \
	"SELECT s.id AS sid, '@' || j.value AS key FROM statements s, json_each(CASE WHEN" \
	"  json_valid(" RELATED_ENTS_JSON("s") ") THEN " RELATED_ENTS_JSON("s") " END) j" \
	"  WHERE j.value > 0 AND s.id <= " RELATED_LINKED \
	" UNION SELECT s.id, " RELATED_TERM_OF("j.value") " FROM statements s," \
	"  json_each(CASE WHEN json_valid(" RELATED_TERMS_JSON("s") ") THEN " \
	RELATED_TERMS_JSON("s") " END) j WHERE j.value <> '' AND s.id <= " RELATED_LINKED
/* related_terms and statement_terms from the linked statements; keys
 * numbered as linking numbers them (statement by statement, each one's
 * in order). */
#define RELATED_FILL \
	"INSERT INTO related_terms(term, df) SELECT '', count(*) FROM statements" \
	"  WHERE id <= " RELATED_LINKED ";" \
	"INSERT INTO related_terms(term, df) SELECT key, count(*) FROM (" RELATED_ALL_KEYS ")" \
	"  GROUP BY key ORDER BY min(sid), key;" \
	"INSERT INTO statement_terms(term_id, statement_id) SELECT r.id, k.sid" \
	"  FROM (" RELATED_ALL_KEYS ") k JOIN related_terms r ON r.term = k.key;"

/*
 * The report counts (see migration 14): live highlights (active or
 * orphaned, as the reports count them) per (tag, article, speaker; 0 for
 * none), kept by the triggers below in the transaction of every write to
 * the coding, whoever makes it.
 */
#define CODING_LIVE(row) row ".state IN ('active', 'orphaned')"
/* SQL: adds one to the count of each (tag, article, speaker) the FROM
 * and WHERE give (a WHERE is needed before ON CONFLICT). */
#define CODING_ADD(tag, article, speaker, from_where) \
	"  INSERT INTO coding_counts(tag_id, article_id, speaker_id, n)" \
	"    SELECT " tag ", " article ", coalesce(" speaker ", 0), 1 " from_where \
	"    ON CONFLICT(tag_id, article_id, speaker_id) DO UPDATE SET n = n + 1;"
/* SQL: takes one from the counts of the tags TAGS (a list or a SELECT)
 * of a highlight in ARTICLE by SPEAKER, when WHEN; a count at 0 goes. */
#define CODING_DROP(tags, article, speaker, when) \
	"  UPDATE coding_counts SET n = n - 1 WHERE tag_id IN (" tags ")" \
	"    AND article_id = " article " AND speaker_id = coalesce(" speaker ", 0) AND " when ";" \
	"  DELETE FROM coding_counts WHERE tag_id IN (" tags ") AND article_id = " article \
	"    AND speaker_id = coalesce(" speaker ", 0) AND n <= 0;"
/* SQL: COLUMN of the highlight whose tag row is old. */
#define CODING_OF(column) "(SELECT " column " FROM annotations WHERE id = old.annotation_id)"
/* The counts from the coding as it is (the triggers on coding_counts
 * make coding_speakers's and coding_articles's as its rows go in). */
#define CODING_ALL \
	"SELECT x.tag_id, a.article_id, coalesce(a.speaker_id, 0), count(*)" \
	"  FROM annotation_tags x JOIN annotations a ON a.id = x.annotation_id" \
	"  WHERE " CODING_LIVE("a") " GROUP BY 1, 2, 3"
#define CODING_SPEAKERS_ALL \
	"SELECT x.tag_id, coalesce(a.speaker_id, 0), count(*), count(DISTINCT a.article_id)" \
	"  FROM annotation_tags x JOIN annotations a ON a.id = x.annotation_id" \
	"  WHERE " CODING_LIVE("a") " GROUP BY 1, 2"
#define CODING_ARTICLES_ALL \
	"SELECT a.article_id, count(*)" \
	"  FROM annotation_tags x JOIN annotations a ON a.id = x.annotation_id" \
	"  WHERE " CODING_LIVE("a") " GROUP BY 1"
/* What schema 16's tables hold, from the coding as it is. */
#define CODING_TAG_ARTICLES_ALL \
	"SELECT x.tag_id AS tag_id, a.article_id AS article_id, count(*) AS n," \
	"  " CODING_MONTH("ar") " AS month, " CODING_OUTLET("ar") " AS outlet" \
	"  FROM annotation_tags x JOIN annotations a ON a.id = x.annotation_id" \
	"  JOIN articles ar INDEXED BY articles_dates ON ar.id = a.article_id" \
	"  WHERE " CODING_LIVE("a") " GROUP BY 1, 2"
#define CODING_BY_ALL(col) \
	"SELECT tag_id, " col ", sum(n), count(*) FROM (" CODING_TAG_ARTICLES_ALL ")" \
	"  GROUP BY 1, 2"
#define CODING_PAIRS_ALL \
	"SELECT kind, a, b, sum(n) FROM coding_article_pairs GROUP BY 1, 2, 3"
#define CODING_FILL \
	"INSERT INTO coding_counts(tag_id, article_id, speaker_id, n) " CODING_ALL ";"

/*
 * The report counts per month and outlet (see migration 16): a key that
 * may be NULL kept as text that is never NULL ('' for NULL, else '='
 * and the value), so that it can be part of a primary key; the reports
 * turn it back with STORE_REPORT_KEY_TEXT.
 */
#define CODING_KEY(v) "(CASE WHEN (" v ") IS NULL THEN '' ELSE '=' || (" v ") END)"
#define CODING_MONTH(row) CODING_KEY("substr(" row ".published, 1, 7)")
#define CODING_OUTLET(row) CODING_KEY(row ".outlet")
/* SQL: moves the counts of the (tag, article) row ROW by SIGN (+ or -)
 * into its month's and its outlet's, ARTS (1 or 0) articles with them. */
#define CODING_BY(table, col, row, sign, arts) \
	"  INSERT INTO " table "(tag_id, " col ", n, arts)" \
	"    VALUES (" row ".tag_id, " row "." col ", " sign row ".n, " sign arts ")" \
	"    ON CONFLICT(tag_id, " col ") DO UPDATE SET n = n + excluded.n," \
	"    arts = arts + excluded.arts;" \
	"  DELETE FROM " table " WHERE tag_id = " row ".tag_id AND " col " = " row "." col \
	"    AND arts <= 0;"
#define CODING_MOVE(row, sign, arts) \
	CODING_BY("coding_months", "month", row, sign, arts) \
	CODING_BY("coding_outlets", "outlet", row, sign, arts)
/* The (tag, article) rows from the counts as they are (their triggers
 * make the months' and outlets'). */
#define CODING_TAG_ARTICLES_FILL \
	"INSERT INTO coding_tag_articles(tag_id, article_id, n, month, outlet)" \
	"  SELECT c.tag_id, c.article_id, sum(c.n), " CODING_MONTH("ar") ", " CODING_OUTLET("ar") \
	"  FROM coding_counts c JOIN articles ar INDEXED BY articles_dates ON ar.id = c.article_id" \
	"  GROUP BY 1, 2;"
/* SQL: the articles whose highlights, tags, sentences or mentions a
 * write touched, as stale for the positional counts (see migration 16):
 * ARTICLE (qualified: it is compared inside a subquery of coding_stale)
 * from FROM where WHERE, each once, those not listed yet. (Not
 * INSERT OR IGNORE: a trigger's conflict policy gives way to the writing
 * statement's own, such as a sync's.) */
#define CODING_STALE(article, from, where) \
	"  INSERT INTO coding_stale(article_id) SELECT DISTINCT " article " " from \
	"    WHERE (" where ") AND NOT EXISTS" \
	"    (SELECT 1 FROM coding_stale WHERE article_id = " article ");"
/* ... of an article only when it has an active highlight. */
#define CODING_STALE_CODED(article) \
	CODING_STALE(article, "", "EXISTS (SELECT 1 FROM annotations" \
	    " WHERE article_id = " article " AND state = 'active')")

/* Each statement's copy of its article's date (schema 18), from the
 * articles: made on upgrade and after a salvage. */
#define STATEMENTS_DATE_FILL \
	"UPDATE statements SET published =" \
	"  (SELECT published FROM articles WHERE id = statements.article_id);"

static const char *const migrations[] = {
	/* 1: the first schema. */
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  source TEXT,"                   /* path or URL it came from */
	"  outlet TEXT,"
	"  published TEXT,"                /* ISO 8601 date when known */
	"  dateline TEXT,"                 /* place of a 'MOSCOW —' dateline */
	"  format TEXT NOT NULL,"          /* text, html, rss, atom */
	"  body TEXT NOT NULL,"            /* NFC UTF-8, never changed */
	"  comments TEXT,"                 /* reader comments, apart from body */
	"  hash TEXT NOT NULL UNIQUE,"     /* of title+body+comments */
	"  imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  previous_id INTEGER REFERENCES articles(id)" /* older version of same source */
	");"
	"CREATE INDEX articles_source ON articles(source);"
	"CREATE INDEX articles_order ON articles(published DESC, id DESC);"
	/* An article's paragraphs and sentences, each set in one row: spans
	 * is the (start, end) pairs in order, each offset a 4-byte little-
	 * endian unsigned integer. They are derived from a body that never
	 * changes and are always read whole, so a row per sentence would only
	 * make import slower (dozens of inserts per article instead of one). */
	"CREATE TABLE paragraphs ("
	"  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	"  spans BLOB NOT NULL);"
	"CREATE TABLE sentences ("
	"  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	"  spans BLOB NOT NULL);"
	/* Knowledge base. origin: 'kb' (shipped file), 'user' (added by the
	 * user: survives reloads of the shipped file), 'candidate' (found by
	 * extraction, not yet promoted). status: 'active' or 'dismissed'. */
	"CREATE TABLE entities ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind IN"
	"    ('person','state','organization','place','agreement','event')),"
	"  origin TEXT NOT NULL DEFAULT 'kb' CHECK (origin IN ('kb','user','candidate')),"
	"  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','dismissed')),"
	"  date TEXT,"                     /* agreements and events */
	"  attrs TEXT"                     /* JSON: parties, notes, ... */
	");"
	"CREATE TABLE aliases ("
	"  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	"  alias TEXT NOT NULL,"
	"  origin TEXT NOT NULL DEFAULT 'kb',"
	"  PRIMARY KEY (entity_id, alias)) WITHOUT ROWID;"
	"CREATE INDEX aliases_alias ON aliases(alias);"
	"CREATE TABLE roles ("
	"  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL, since TEXT, until TEXT,"
	"  origin TEXT NOT NULL DEFAULT 'kb');"
	"CREATE INDEX roles_entity ON roles(entity_id);"
	/* how: 'alias', 'pattern' (agreement by date or parties), 'anaphora'
	 * ("the agreement"), 'title' (a candidate's name after a title). */
	"CREATE TABLE mentions ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	"  how TEXT NOT NULL DEFAULT 'alias',"
	"  PRIMARY KEY (article_id, start)) WITHOUT ROWID;"
	"CREATE INDEX mentions_entity ON mentions(entity_id, article_id);"
	"CREATE TABLE statements ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL,"   /* the sentence(s) */
	"  verb TEXT,"                                       /* reporting verb */
	"  quote_start INTEGER, quote_end INTEGER,"
	"  terms TEXT,"      /* key terms for related statements: "term[:count] ..." */
	"  entities TEXT);"  /* ids of the agreements and places it names: "12 40" */
	"CREATE INDEX statements_article ON statements(article_id, start);"
	"CREATE INDEX statements_speaker ON statements(speaker_id);"
	/* Each link is stored both ways, (a, b) and (b, a), so a statement's
	 * related ones are one key range; to_id needs no index of its own. */
	"CREATE TABLE statement_links ("
	"  from_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,"
	"  to_id INTEGER NOT NULL,"
	"  score REAL NOT NULL,"
	"  PRIMARY KEY (from_id, to_id)) WITHOUT ROWID;"
	/* Annotations. A highlight is anchored both by position and by quote
	 * with context (W3C TextPositionSelector + TextQuoteSelector). state:
	 * 'active', 'orphaned' (could not be re-anchored), 'deleted' (kept so
	 * undo and sync can restore it), 'superseded' (carried to a newer
	 * version of the article). */
	"CREATE TABLE tags ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  color TEXT,"
	"  key TEXT);"
	"CREATE TABLE annotations ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id),"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  quote TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',"
	"  note TEXT,"
	"  speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,"
	"  target_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,"
	"  status TEXT CHECK (status IS NULL OR status IN"
	"    ('unverified','supported','disputed','false')),"
	"  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN"
	"    ('active','orphaned','deleted','superseded')),"
	"  anchor TEXT,"                   /* how it was last placed: exact, context, quote, fuzzy */
	"  previous_id INTEGER REFERENCES annotations(id)," /* carried over from */
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	"  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));"
	"CREATE INDEX annotations_article ON annotations(article_id, start);"
	"CREATE INDEX annotations_previous ON annotations(previous_id);"
	"CREATE TABLE annotation_tags ("
	"  annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
	"  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (annotation_id, tag_id)) WITHOUT ROWID;"
	"CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);"
	/* Small key/value settings: where the reader left off, and so on. */
	"CREATE TABLE state ("
	"  key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	/* Full-text index over title, body and the article's annotation notes
	 * (so corpus search finds what the user wrote). It is an external-
	 * content index on a view: the body is stored once, in articles, and
	 * snippets read it from there. The triggers below keep the index in
	 * step with every change to what the view shows; FTS5 needs the old
	 * values to remove a row, hence the BEFORE/AFTER pairs. */
	"CREATE VIEW articles_text(id, title, body, notes) AS"
	"  SELECT a.id, a.title, a.body,"
	"    (SELECT group_concat(n.note, ' ') FROM annotations n"
	"     WHERE n.article_id = a.id AND n.note IS NOT NULL"
	"       AND n.state IN ('active', 'orphaned'))"
	"  FROM articles a;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, body, notes, content = 'articles_text', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	/* A title match counts ten times a body match, a note four times. */
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');"
	/* Import commits one article per transaction, so each commit adds a
	 * small segment; merging them in larger batches keeps that cheap. */
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 64);"
	"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
	"END;"
	"CREATE TRIGGER articles_fts_bd BEFORE DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = old.id;"
	"END;"
	"CREATE TRIGGER articles_fts_bu BEFORE UPDATE OF title, body ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = old.id;"
	"END;"
	"CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text WHERE id = new.id;"
	"END;"
	"CREATE TRIGGER annotations_fts_bi BEFORE INSERT ON annotations"
	"  WHEN new.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = new.article_id;"
	"END;"
	"CREATE TRIGGER annotations_fts_ai AFTER INSERT ON annotations"
	"  WHEN new.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text WHERE id = new.article_id;"
	"END;"
	"CREATE TRIGGER annotations_fts_bu BEFORE UPDATE OF note, state, article_id ON annotations"
	"  BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text"
	"    WHERE id IN (old.article_id, new.article_id);"
	"END;"
	"CREATE TRIGGER annotations_fts_au AFTER UPDATE OF note, state, article_id ON annotations"
	"  BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text"
	"    WHERE id IN (old.article_id, new.article_id);"
	"END;"
	"CREATE TRIGGER annotations_fts_bd BEFORE DELETE ON annotations"
	"  WHEN old.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = old.article_id;"
	"END;"
	"CREATE TRIGGER annotations_fts_ad AFTER DELETE ON annotations"
	"  WHEN old.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text WHERE id = old.article_id;"
	"END;",

	/* 2: the list's counts, kept by triggers, so that the list's length
	 * and an article's position in it (newest first, undated last) are
	 * known without counting the rows before it. Articles fall in
	 * buckets, a year (the first 4 characters of published) holding
	 * days (the first 10), or for undated ones blocks of 65,536 and 256
	 * ids; a text key sorts after every number, as dated articles come
	 * before undated ones, and a prefix of published never sorts against
	 * the order of the dates themselves. An article's position is the
	 * count of the later years, of the later days in its year, and of the
	 * articles before it in its own day: bounded by the span of years and
	 * a day's articles, not by the corpus. */
	"CREATE TABLE list_years ("
	"  k PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE list_days ("
	"  k1, k2, n INTEGER NOT NULL, PRIMARY KEY (k1, k2)) WITHOUT ROWID;"
	LIST_FILL
	"CREATE TRIGGER list_ai AFTER INSERT ON articles BEGIN"
	LIST_ADD("new")
	"END;"
	"CREATE TRIGGER list_ad AFTER DELETE ON articles BEGIN"
	LIST_DROP("old")
	"END;"
	"CREATE TRIGGER list_au AFTER UPDATE OF published ON articles BEGIN"
	LIST_DROP("old")
	LIST_ADD("new")
	"END;",

	/* 3: notes indexed in batches. Each change to a note re-indexed the
	 * whole article (FTS5 removes and adds a row whole), so importing N
	 * notes on one article cost N times its body: quadratic. A writer
	 * that changes many notes first lists the articles in fts_pending
	 * (store_fts_defer, which takes each one's row out of the index while
	 * it still matches what was indexed); the note triggers leave those
	 * articles alone, and store_fts_flush indexes each once, in the same
	 * transaction, so no reader ever sees the table non-empty. */
	"CREATE TABLE fts_pending (article_id INTEGER PRIMARY KEY);"
	"DROP TRIGGER annotations_fts_bi;"
	"DROP TRIGGER annotations_fts_ai;"
	"DROP TRIGGER annotations_fts_bu;"
	"DROP TRIGGER annotations_fts_au;"
	"DROP TRIGGER annotations_fts_bd;"
	"DROP TRIGGER annotations_fts_ad;"
	"CREATE TRIGGER annotations_fts_bi BEFORE INSERT ON annotations"
	"  WHEN new.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = new.article_id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER annotations_fts_ai AFTER INSERT ON annotations"
	"  WHEN new.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text WHERE id = new.article_id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER annotations_fts_bu BEFORE UPDATE OF note, state, article_id ON annotations"
	"  BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text"
	"    WHERE id IN (old.article_id, new.article_id)"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER annotations_fts_au AFTER UPDATE OF note, state, article_id ON annotations"
	"  BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text"
	"    WHERE id IN (old.article_id, new.article_id)"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER annotations_fts_bd BEFORE DELETE ON annotations"
	"  WHEN old.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = old.article_id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER annotations_fts_ad AFTER DELETE ON annotations"
	"  WHEN old.note IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text WHERE id = old.article_id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;",

	/* 4: what a web page says of itself besides its text (authors,
	 * language, when it was last changed), the captions and credits kept
	 * out of the body, and what cleaning left out ("REASON<tab>TEXT"
	 * lines, for `show --dropped`). None of it is in the hash: a reader
	 * sees the title and the body. */
	"ALTER TABLE articles ADD COLUMN authors TEXT;"
	"ALTER TABLE articles ADD COLUMN language TEXT;"
	"ALTER TABLE articles ADD COLUMN modified TEXT;"
	"ALTER TABLE articles ADD COLUMN captions TEXT;"
	"ALTER TABLE articles ADD COLUMN dropped TEXT;",

	/* 5: subscriptions. A feed is its URL; name and tags (a comma-
	 * separated list, as OPML's category attribute writes them) are the
	 * user's. etag and last_modified are the validators of the last
	 * answer, sent back so an unchanged feed costs one 304. last_status
	 * is "200", "304" or the last failure's one line; errors counts the
	 * failures since the last success. feed_articles ties the articles a
	 * feed brought to it: removing a feed keeps its articles, which the
	 * user may have annotated. */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  name TEXT,"
	"  tags TEXT,"
	"  full_text INTEGER NOT NULL DEFAULT 0,"
	"  etag TEXT, last_modified TEXT,"
	"  last_fetch TEXT, last_status TEXT,"
	"  errors INTEGER NOT NULL DEFAULT 0,"
	"  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
	"CREATE TABLE feed_articles ("
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (feed_id, article_id)) WITHOUT ROWID;"
	"CREATE INDEX feed_articles_article ON feed_articles(article_id);",

	/* 6: who made each annotation (the `coder` setting, else the login
	 * name), so two people's coding of the same articles can be told
	 * apart and compared. Older annotations have none (NULL): nobody is
	 * named for work whose author was never recorded. */
	"ALTER TABLE annotations ADD COLUMN coder TEXT;"
	"CREATE INDEX annotations_coder ON annotations(coder, article_id);",

	/* 7: a feed item's identity. item is its feed's id and its own
	 * (guid, Atom id, else its link), a tab between them; NULL for an
	 * article that is no feed item. It is in the hash too, so the same
	 * short text in two items is two articles, and the same item read
	 * again is a duplicate. summary marks a feed item whose text is only
	 * a summary (or none): its page has the article. Rows from before
	 * have no item; an item read again takes over the row with its text
	 * (store_article_add). */
	"ALTER TABLE articles ADD COLUMN item TEXT;"
	"ALTER TABLE articles ADD COLUMN summary INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX articles_item ON articles(item);",

	/* 8: memos, the analyst's own writing about the project (no target),
	 * an article, a tag (what the code means and how to apply it) or a
	 * highlight. At most one target; guid is the memo's identity in a
	 * REFI-QDA exchange, kept on import. A target with memos cannot be
	 * deleted under them (a merged tag's move to the tag it joins). The
	 * full-text index reads the rows (external content), kept by the
	 * triggers. */
	"CREATE TABLE memos ("
	"  id INTEGER PRIMARY KEY,"
	"  guid TEXT NOT NULL UNIQUE,"
	"  article_id INTEGER REFERENCES articles(id),"
	"  tag_id INTEGER REFERENCES tags(id),"
	"  annotation_id INTEGER REFERENCES annotations(id),"
	"  title TEXT NOT NULL DEFAULT '',"
	"  text TEXT NOT NULL,"
	"  coder TEXT,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	"  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	"  CHECK ((article_id IS NOT NULL) + (tag_id IS NOT NULL)"
	"    + (annotation_id IS NOT NULL) <= 1));"
	"CREATE INDEX memos_article ON memos(article_id) WHERE article_id IS NOT NULL;"
	"CREATE INDEX memos_tag ON memos(tag_id) WHERE tag_id IS NOT NULL;"
	"CREATE INDEX memos_annotation ON memos(annotation_id) WHERE annotation_id IS NOT NULL;"
	"CREATE VIRTUAL TABLE memos_fts USING fts5("
	"  title, text, content = 'memos', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER memos_fts_ai AFTER INSERT ON memos BEGIN"
	"  INSERT INTO memos_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
	"END;"
	"CREATE TRIGGER memos_fts_bd BEFORE DELETE ON memos BEGIN"
	"  INSERT INTO memos_fts(memos_fts, rowid, title, text)"
	"    VALUES ('delete', old.id, old.title, old.text);"
	"END;"
	"CREATE TRIGGER memos_fts_bu BEFORE UPDATE OF title, text ON memos BEGIN"
	"  INSERT INTO memos_fts(memos_fts, rowid, title, text)"
	"    VALUES ('delete', old.id, old.title, old.text);"
	"END;"
	"CREATE TRIGGER memos_fts_au AFTER UPDATE OF title, text ON memos BEGIN"
	"  INSERT INTO memos_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
	"END;",

	/* 9: articles by title, so that a changed copy of an article saved
	 * under another path or link is found as its new version (the import
	 * then compares their texts: IMPORT_COPY_SHARE). */
	"CREATE INDEX articles_title ON articles(title);",
	/* 10: sharing with a team (store-sync.c). A tag is known across
	 * databases by a uuid, as an annotation is (and an article by its
	 * hash). sync_on has a row once the database has joined a team; its
	 * applying is 1 while records pulled from the team are written, so
	 * the triggers below queue only this database's own changes in
	 * sync_outbox (kind and key; hlc is the version given when it is
	 * first sent, so sending it again after an interrupted sync is the
	 * same version). sync_versions holds the version of every record as
	 * last sent or received; sync_tag_merges where a merged tag went (a
	 * tag pulled after its merge, or an annotation still carrying it,
	 * follows it there); sync_history the values that lost a conflict. */
	"ALTER TABLE tags ADD COLUMN uuid TEXT;"
	"UPDATE tags SET uuid = " STORE_SYNC_NEW_UUID ";"
	"CREATE UNIQUE INDEX tags_uuid ON tags(uuid);"
	"CREATE TRIGGER tags_uuid AFTER INSERT ON tags WHEN NEW.uuid IS NULL BEGIN"
	"  UPDATE tags SET uuid = " STORE_SYNC_NEW_UUID " WHERE id = NEW.id;"
	"END;"
	"CREATE TABLE sync_on (applying INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE sync_outbox (kind TEXT NOT NULL, key TEXT NOT NULL, hlc INTEGER,"
	"  PRIMARY KEY (kind, key)) WITHOUT ROWID;"
	"CREATE TABLE sync_versions (kind TEXT NOT NULL, key TEXT NOT NULL,"
	"  hlc INTEGER NOT NULL, node TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;"
	"CREATE TABLE sync_tag_merges (uuid TEXT PRIMARY KEY, into_uuid TEXT NOT NULL)"
	"  WITHOUT ROWID;"
	"CREATE TABLE sync_history (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
	"  key TEXT NOT NULL, value TEXT, coder TEXT, winner TEXT,"
	"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
	"CREATE INDEX sync_history_key ON sync_history(kind, key);"
	SYNC_QUEUE("articles_sync_ai", "AFTER INSERT ON articles", "'article'", "NEW.hash")
	SYNC_QUEUE("tags_sync_ai", "AFTER INSERT ON tags", "'tag'", "NEW.uuid")
	SYNC_QUEUE("tags_sync_au", "AFTER UPDATE ON tags", "'tag'", "NEW.uuid")
	SYNC_QUEUE("tags_sync_ad", "AFTER DELETE ON tags", "'tag'", "OLD.uuid")
	SYNC_QUEUE("annotations_sync_ai", "AFTER INSERT ON annotations", "'annotation'",
	    "NEW.uuid")
	SYNC_QUEUE("annotations_sync_au", "AFTER UPDATE ON annotations", "'annotation'",
	    "NEW.uuid")
	SYNC_QUEUE("annotation_tags_sync_ai", "AFTER INSERT ON annotation_tags", "'annotation'",
	    "(SELECT uuid FROM annotations WHERE id = NEW.annotation_id)")
	SYNC_QUEUE("annotation_tags_sync_ad", "AFTER DELETE ON annotation_tags", "'annotation'",
	    "(SELECT uuid FROM annotations WHERE id = OLD.annotation_id)"),

	/* 11: memos and the user's knowledge-base additions shared with a
	 * team too (store-sync.c). A memo is queued by its guid; a memo
	 * deleted only when it was this database's coder's (or nobody's),
	 * since the team keeps another's. An entity is queued by its kind
	 * and name when it is the user's, or when the user gives or takes
	 * one of its aliases. sync_history keeps both sides of a conflict:
	 * the version of the value that lost, and the value and version
	 * that won (filled when the winner arrives, for a value that lost on
	 * the server). */
	SYNC_QUEUE("memos_sync_ai", "AFTER INSERT ON memos", "'memo'", "NEW.guid")
	SYNC_QUEUE("memos_sync_au", "AFTER UPDATE ON memos", "'memo'", "NEW.guid")
	SYNC_QUEUE("memos_sync_ad", "AFTER DELETE ON memos", "'memo'",
	    "CASE WHEN OLD.coder IS NULL OR OLD.coder ="
	    " (SELECT value FROM state WHERE key = 'team.coder') THEN OLD.guid END")
	SYNC_QUEUE("entities_sync_ai", "AFTER INSERT ON entities", "'entity'",
	    "CASE WHEN NEW.origin = 'user' THEN NEW.kind || ':' || NEW.name END")
	SYNC_QUEUE("entities_sync_au", "AFTER UPDATE ON entities", "'entity'",
	    "CASE WHEN NEW.origin = 'user' OR OLD.origin = 'user'"
	    " THEN NEW.kind || ':' || NEW.name END")
	SYNC_QUEUE("entities_sync_ad", "AFTER DELETE ON entities", "'entity'",
	    "CASE WHEN OLD.origin = 'user' THEN OLD.kind || ':' || OLD.name END")
	SYNC_QUEUE("aliases_sync_ai", "AFTER INSERT ON aliases", "'entity'",
	    "CASE WHEN NEW.origin = 'user' THEN"
	    " (SELECT kind || ':' || name FROM entities WHERE id = NEW.entity_id) END")
	SYNC_QUEUE("aliases_sync_ad", "AFTER DELETE ON aliases", "'entity'",
	    "CASE WHEN OLD.origin = 'user' THEN"
	    " (SELECT kind || ':' || name FROM entities WHERE id = OLD.entity_id) END")
	"ALTER TABLE sync_history ADD COLUMN hlc INTEGER;"
	"ALTER TABLE sync_history ADD COLUMN winner_value TEXT;"
	"ALTER TABLE sync_history ADD COLUMN winner_hlc INTEGER;",

	/* 12: each article's date and outlet beside its id, so that a report
	 * per month or outlet looks up the coded articles in this small index
	 * (store-report.c names it) instead of in their wide rows, whose
	 * pages hold the bodies: about 40,000 lookups for 50,000 highlights
	 * over 100,000 articles took 240-400 ms that way, 60-180 ms this way
	 * (bench/RESULTS.md). */
	"CREATE INDEX articles_dates ON articles(id, published, outlet);",

	/* 13: related statements found through indexed keys, so linking a new
	 * statement reads its candidates, not the corpus. related_terms
	 * numbers every key (term, "@entity") in the order first met and
	 * counts the statements having it (df, for idf; the empty key counts
	 * them all); statement_terms lists each key's statements, newest
	 * last. A statement's keys are added when it is linked
	 * (store_related_index, in the transaction that moves related.linked
	 * past it: a trigger on every insert would make each one journal
	 * the pages it touches), and go with it, whoever deletes it (a
	 * trigger); a key no statement has any more goes (found again, it
	 * gets a new number). */
	"CREATE TABLE related_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE,"
	"  df INTEGER NOT NULL);"
	"CREATE TABLE statement_terms (term_id INTEGER NOT NULL, statement_id INTEGER NOT NULL,"
	"  PRIMARY KEY (term_id, statement_id)) WITHOUT ROWID;"
	RELATED_FILL
	"CREATE TRIGGER statements_keys_ad AFTER DELETE ON statements"
	"  WHEN old.id <= " RELATED_LINKED " BEGIN"
	"  DELETE FROM statement_terms WHERE statement_id = old.id AND term_id IN"
	"    (SELECT id FROM related_terms WHERE term IN (" RELATED_KEYS("old") "));"
	"  UPDATE related_terms SET df = df - 1 WHERE term IN (" RELATED_KEYS("old") ");"
	"  DELETE FROM related_terms WHERE df <= 0 AND term <> '' AND term IN ("
	RELATED_KEYS("old") ");"
	"END;",

	/* 14: the report counts, so that a report over the coding reads one
	 * small table in its own order instead of every tagged highlight by
	 * rowid (bench/RESULTS.md, "Report counts"). A highlight's tag added
	 * or taken, its state, article or speaker changed, or the highlight
	 * deleted: each moves its counts by one in the same transaction. The
	 * reports without positions (frequencies, the matrices per speaker
	 * and article) read them; what needs positions reads the highlights. */
	"CREATE TABLE coding_counts (tag_id INTEGER NOT NULL, article_id INTEGER NOT NULL,"
	"  speaker_id INTEGER NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (tag_id, article_id, speaker_id)) WITHOUT ROWID;"
	/* The same per (tag, speaker), with the articles (the rows of
	 * coding_counts it adds up): the matrix per speaker and the frequency
	 * per speaker read a row per cell, not a row per article. A row of
	 * coding_counts only changes its n, else it comes or goes. */
	"CREATE TABLE coding_speakers (tag_id INTEGER NOT NULL, speaker_id INTEGER NOT NULL,"
	"  n INTEGER NOT NULL, arts INTEGER NOT NULL,"
	"  PRIMARY KEY (tag_id, speaker_id)) WITHOUT ROWID;"
	/* Per article, all tags together, in the order of the matrix per
	 * article (most coded first): its first screen reads the top of the
	 * index, not every article's counts sorted. */
	"CREATE TABLE coding_articles (article_id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
	"CREATE INDEX coding_articles_order ON coding_articles(n DESC, article_id);"
	"CREATE TRIGGER coding_counts_ai AFTER INSERT ON coding_counts BEGIN"
	"  INSERT INTO coding_speakers(tag_id, speaker_id, n, arts)"
	"    VALUES (new.tag_id, new.speaker_id, new.n, 1)"
	"    ON CONFLICT(tag_id, speaker_id) DO UPDATE SET n = n + excluded.n, arts = arts + 1;"
	"  INSERT INTO coding_articles(article_id, n) VALUES (new.article_id, new.n)"
	"    ON CONFLICT(article_id) DO UPDATE SET n = n + excluded.n;"
	"END;"
	"CREATE TRIGGER coding_counts_au AFTER UPDATE OF n ON coding_counts BEGIN"
	"  UPDATE coding_speakers SET n = n + new.n - old.n"
	"    WHERE tag_id = new.tag_id AND speaker_id = new.speaker_id;"
	"  UPDATE coding_articles SET n = n + new.n - old.n WHERE article_id = new.article_id;"
	"END;"
	"CREATE TRIGGER coding_counts_ad AFTER DELETE ON coding_counts BEGIN"
	"  UPDATE coding_speakers SET n = n - old.n, arts = arts - 1"
	"    WHERE tag_id = old.tag_id AND speaker_id = old.speaker_id;"
	"  DELETE FROM coding_speakers WHERE tag_id = old.tag_id AND speaker_id = old.speaker_id"
	"    AND arts <= 0;"
	"  UPDATE coding_articles SET n = n - old.n WHERE article_id = old.article_id;"
	"  DELETE FROM coding_articles WHERE article_id = old.article_id AND n <= 0;"
	"END;"
	CODING_FILL
	"CREATE TRIGGER annotation_tags_counts_ai AFTER INSERT ON annotation_tags BEGIN"
	CODING_ADD("new.tag_id", "a.article_id", "a.speaker_id",
	    "FROM annotations a WHERE a.id = new.annotation_id AND " CODING_LIVE("a"))
	"END;"
	"CREATE TRIGGER annotation_tags_counts_ad AFTER DELETE ON annotation_tags BEGIN"
	CODING_DROP("old.tag_id", CODING_OF("article_id"), CODING_OF("speaker_id"),
	    "EXISTS (SELECT 1 FROM annotations a WHERE a.id = old.annotation_id AND "
	    CODING_LIVE("a") ")")
	"END;"
	"CREATE TRIGGER annotation_tags_counts_au AFTER UPDATE ON annotation_tags BEGIN"
	CODING_DROP("old.tag_id", CODING_OF("article_id"), CODING_OF("speaker_id"),
	    "EXISTS (SELECT 1 FROM annotations a WHERE a.id = old.annotation_id AND "
	    CODING_LIVE("a") ")")
	CODING_ADD("new.tag_id", "a.article_id", "a.speaker_id",
	    "FROM annotations a WHERE a.id = new.annotation_id AND " CODING_LIVE("a"))
	"END;"
	"CREATE TRIGGER annotations_counts_au AFTER UPDATE OF state, article_id, speaker_id"
	"  ON annotations WHEN (" CODING_LIVE("old") ") IS NOT (" CODING_LIVE("new") ")"
	"  OR old.article_id IS NOT new.article_id OR old.speaker_id IS NOT new.speaker_id BEGIN"
	CODING_DROP("SELECT tag_id FROM annotation_tags WHERE annotation_id = old.id",
	    "old.article_id", "old.speaker_id", CODING_LIVE("old"))
	CODING_ADD("x.tag_id", "new.article_id", "new.speaker_id",
	    "FROM annotation_tags x WHERE x.annotation_id = new.id AND " CODING_LIVE("new"))
	"END;"
	/* A highlight comes with no tags (they follow it), unless rows of a
	 * salvage or another program's SQL named its id before it. */
	"CREATE TRIGGER annotations_counts_ai AFTER INSERT ON annotations"
	"  WHEN " CODING_LIVE("new") " BEGIN"
	CODING_ADD("x.tag_id", "new.article_id", "new.speaker_id",
	    "FROM annotation_tags x WHERE x.annotation_id = new.id")
	"END;"
	/* Before: the tags cascade away after the row has gone. */
	"CREATE TRIGGER annotations_counts_bd BEFORE DELETE ON annotations"
	"  WHEN " CODING_LIVE("old") " BEGIN"
	CODING_DROP("SELECT tag_id FROM annotation_tags WHERE annotation_id = old.id",
	    "old.article_id", "old.speaker_id", "1")
	"END;",

	/* 15: an import batch indexes its new articles once, before it
	 * commits. FTS5 writes the terms it holds as a new segment at every
	 * savepoint and at every statement that opens a statement journal
	 * (an insert that fires triggers does), so an index row added by a
	 * trigger per article made a segment per article, however many
	 * articles a transaction held. While the key FTS_DEFER_KEY is in
	 * state (only ever inside a writer's transaction: store_fts_defer_new
	 * sets it, store_fts_flush takes it out), a new article is listed in
	 * fts_pending instead, as a deferred note change lists one, and the
	 * flush indexes them all in one statement. The update and delete
	 * triggers leave a pending article alone: it is not in the index. */
	"DROP TRIGGER articles_fts_ai;"
	"DROP TRIGGER articles_fts_bd;"
	"DROP TRIGGER articles_fts_bu;"
	"DROP TRIGGER articles_fts_au;"
	"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body) SELECT new.id, new.title, new.body"
	"    WHERE NOT EXISTS (SELECT 1 FROM state WHERE key = '" FTS_DEFER_KEY "');"
	"  INSERT INTO fts_pending(article_id) SELECT new.id"
	"    WHERE EXISTS (SELECT 1 FROM state WHERE key = '" FTS_DEFER_KEY "');"
	"END;"
	"CREATE TRIGGER articles_fts_bd BEFORE DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = old.id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER articles_fts_bu BEFORE UPDATE OF title, body ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	"    SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = old.id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;"
	"CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, body, notes)"
	"    SELECT id, title, body, notes FROM articles_text WHERE id = new.id"
	"    AND id NOT IN (SELECT article_id FROM fts_pending);"
	"END;",

	/* 16: the rest of the report counts (bench/RESULTS.md, "Issue 18:
	 * counts per month, outlet, agreement and pair").
	 *
	 * Per month and outlet: coding_tag_articles holds each tag's live
	 * highlights per article (coding_counts added up over speakers) with
	 * the article's month and outlet, so that a (tag, month) or (tag,
	 * outlet) row can count its articles too; the article's date or
	 * outlet changed moves its rows. Kept by triggers, as schema 14's. */
	"CREATE TABLE coding_tag_articles (tag_id INTEGER NOT NULL, article_id INTEGER NOT NULL,"
	"  n INTEGER NOT NULL, month TEXT NOT NULL, outlet TEXT NOT NULL,"
	"  PRIMARY KEY (tag_id, article_id)) WITHOUT ROWID;"
	"CREATE INDEX coding_tag_articles_article ON coding_tag_articles(article_id);"
	"CREATE TABLE coding_months (tag_id INTEGER NOT NULL, month TEXT NOT NULL,"
	"  n INTEGER NOT NULL, arts INTEGER NOT NULL, PRIMARY KEY (tag_id, month)) WITHOUT ROWID;"
	"CREATE TABLE coding_outlets (tag_id INTEGER NOT NULL, outlet TEXT NOT NULL,"
	"  n INTEGER NOT NULL, arts INTEGER NOT NULL, PRIMARY KEY (tag_id, outlet)) WITHOUT ROWID;"
	"CREATE TRIGGER coding_tag_articles_ai AFTER INSERT ON coding_tag_articles BEGIN"
	CODING_MOVE("new", "", "1")
	"END;"
	"CREATE TRIGGER coding_tag_articles_ad AFTER DELETE ON coding_tag_articles BEGIN"
	CODING_MOVE("old", "-", "1")
	"END;"
	"CREATE TRIGGER coding_tag_articles_au AFTER UPDATE ON coding_tag_articles BEGIN"
	CODING_MOVE("old", "-", "1")
	CODING_MOVE("new", "", "1")
	"END;"
	"CREATE TRIGGER coding_counts_tag_ai AFTER INSERT ON coding_counts BEGIN"
	"  INSERT INTO coding_tag_articles(tag_id, article_id, n, month, outlet)"
	"    SELECT new.tag_id, new.article_id, new.n, " CODING_MONTH("ar") ", "
	CODING_OUTLET("ar") " FROM articles ar INDEXED BY articles_dates WHERE ar.id = new.article_id"
	"    ON CONFLICT(tag_id, article_id) DO UPDATE SET n = n + excluded.n;"
	"END;"
	"CREATE TRIGGER coding_counts_tag_au AFTER UPDATE OF n ON coding_counts BEGIN"
	"  UPDATE coding_tag_articles SET n = n + new.n - old.n"
	"    WHERE tag_id = new.tag_id AND article_id = new.article_id;"
	"END;"
	"CREATE TRIGGER coding_counts_tag_ad AFTER DELETE ON coding_counts BEGIN"
	"  UPDATE coding_tag_articles SET n = n - old.n"
	"    WHERE tag_id = old.tag_id AND article_id = old.article_id;"
	"  DELETE FROM coding_tag_articles WHERE tag_id = old.tag_id"
	"    AND article_id = old.article_id AND n <= 0;"
	"END;"
	"CREATE TRIGGER articles_coding_au AFTER UPDATE OF published, outlet ON articles"
	"  WHEN new.published IS NOT old.published OR new.outlet IS NOT old.outlet BEGIN"
	"  UPDATE coding_tag_articles SET month = " CODING_MONTH("new") ","
	"    outlet = " CODING_OUTLET("new") " WHERE article_id = new.id;"
	"END;"
	CODING_TAG_ARTICLES_FILL
	/* Tag against agreement and co-occurrence need the highlights'
	 * sentences and the mentions in them, which SQL cannot find in a
	 * sentence row: what each article adds to those reports is kept in
	 * coding_article_pairs (kind 1: an agreement and a tag; 2: two tags,
	 * or a tag and an entity as its negative id, sharing a sentence; 3:
	 * the same for overlapping highlights), made in C by the reports' own
	 * counting (store-report-matrix.c) and added up by trigger in
	 * coding_pairs. Any write to what that counting reads (a highlight,
	 * its tags, the article's sentences or mentions, an entity's kind or
	 * status) lists the article in coding_stale, by trigger in the same
	 * transaction; a report counts those articles again before it reads
	 * the sums (store-report-counts.c), so the sums are never read stale. */
	"CREATE TABLE coding_article_pairs (article_id INTEGER NOT NULL, kind INTEGER NOT NULL,"
	"  a INTEGER NOT NULL, b INTEGER NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (article_id, kind, a, b)) WITHOUT ROWID;"
	"CREATE TABLE coding_pairs (kind INTEGER NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL,"
	"  n INTEGER NOT NULL, PRIMARY KEY (kind, a, b)) WITHOUT ROWID;"
	"CREATE TABLE coding_stale (article_id INTEGER PRIMARY KEY);"
	"CREATE TRIGGER coding_article_pairs_ai AFTER INSERT ON coding_article_pairs BEGIN"
	"  INSERT INTO coding_pairs(kind, a, b, n) VALUES (new.kind, new.a, new.b, new.n)"
	"    ON CONFLICT(kind, a, b) DO UPDATE SET n = n + excluded.n;"
	"END;"
	"CREATE TRIGGER coding_article_pairs_ad AFTER DELETE ON coding_article_pairs BEGIN"
	"  UPDATE coding_pairs SET n = n - old.n WHERE kind = old.kind AND a = old.a AND b = old.b;"
	"  DELETE FROM coding_pairs WHERE kind = old.kind AND a = old.a AND b = old.b AND n <= 0;"
	"END;"
	"CREATE TRIGGER annotations_stale_ai AFTER INSERT ON annotations"
	"  WHEN new.state = 'active' BEGIN" CODING_STALE("new.article_id", "", "1") "END;"
	"CREATE TRIGGER annotations_stale_au AFTER UPDATE OF state, article_id, start, end"
	"  ON annotations WHEN old.state = 'active' OR new.state = 'active' BEGIN"
	CODING_STALE("old.article_id", "", "1") CODING_STALE("new.article_id", "", "1") "END;"
	"CREATE TRIGGER annotations_stale_ad AFTER DELETE ON annotations"
	"  WHEN old.state = 'active' BEGIN" CODING_STALE("old.article_id", "", "1") "END;"
	"CREATE TRIGGER annotation_tags_stale_ai AFTER INSERT ON annotation_tags BEGIN"
	CODING_STALE("a.article_id", "FROM annotations a", "a.id = new.annotation_id"
	    " AND a.state = 'active'") "END;"
	"CREATE TRIGGER annotation_tags_stale_au AFTER UPDATE ON annotation_tags BEGIN"
	CODING_STALE("a.article_id", "FROM annotations a", "a.id IN (old.annotation_id,"
	    " new.annotation_id) AND a.state = 'active'") "END;"
	"CREATE TRIGGER annotation_tags_stale_ad AFTER DELETE ON annotation_tags BEGIN"
	CODING_STALE("a.article_id", "FROM annotations a", "a.id = old.annotation_id"
	    " AND a.state = 'active'") "END;"
	"CREATE TRIGGER sentences_stale_ai AFTER INSERT ON sentences BEGIN"
	CODING_STALE_CODED("new.article_id") "END;"
	"CREATE TRIGGER sentences_stale_au AFTER UPDATE ON sentences BEGIN"
	CODING_STALE_CODED("old.article_id") CODING_STALE_CODED("new.article_id") "END;"
	"CREATE TRIGGER sentences_stale_ad AFTER DELETE ON sentences BEGIN"
	CODING_STALE_CODED("old.article_id") "END;"
	"CREATE TRIGGER mentions_stale_ai AFTER INSERT ON mentions BEGIN"
	CODING_STALE_CODED("new.article_id") "END;"
	"CREATE TRIGGER mentions_stale_au AFTER UPDATE ON mentions BEGIN"
	CODING_STALE_CODED("old.article_id") CODING_STALE_CODED("new.article_id") "END;"
	"CREATE TRIGGER mentions_stale_ad AFTER DELETE ON mentions BEGIN"
	CODING_STALE_CODED("old.article_id") "END;"
	"CREATE TRIGGER entities_stale_au AFTER UPDATE OF kind, status, origin ON entities"
	"  WHEN new.kind IS NOT old.kind OR new.status IS NOT old.status"
	"  OR new.origin IS NOT old.origin BEGIN"
	CODING_STALE("m.article_id", "FROM mentions m", "m.entity_id = new.id"
	    " AND EXISTS (SELECT 1 FROM annotations WHERE article_id = m.article_id"
	    " AND state = 'active')") "END;"
	/* Every coded article is listed stale here, and counted
	 * (store_report_counts_fill) in the transaction of step 17, once the
	 * spans are where store_sentences_get reads them; an upgrade stopped
	 * between the two leaves them listed, and the first report counts
	 * them. */
	"INSERT INTO coding_stale(article_id) SELECT DISTINCT article_id FROM annotations"
	"  WHERE state = 'active';",

	/* 17: a smaller file (bench/RESULTS.md, "Database size"). FTS5 writes
	 * a term's positions in the first column bare and those in any later
	 * column after a two-byte column marker: with the title first, nearly
	 * every (term, article) entry of the index paid the marker for the
	 * body. The body is the first column now (the title, then the notes,
	 * after it); the index is 22% smaller, and searches, weights, phrases
	 * and NEAR are unchanged (columns are matched and weighted by name).
	 * An article's paragraph and sentence spans are one row, packed as
	 * varints of the gap and the length (store-article.c) instead of 8
	 * bytes a span: a third of the bytes, and one b-tree instead of two. */
	"CREATE TABLE spans ("
	"  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	"  paragraphs BLOB NOT NULL, sentences BLOB NOT NULL);"
	"INSERT INTO spans(article_id, paragraphs, sentences)"
	"  SELECT a.id,"
	"    coalesce((SELECT dossier_spans_pack(spans) FROM paragraphs WHERE article_id = a.id), x''),"
	"    coalesce((SELECT dossier_spans_pack(spans) FROM sentences WHERE article_id = a.id), x'')"
	"  FROM articles a WHERE a.id IN (SELECT article_id FROM paragraphs"
	"    UNION SELECT article_id FROM sentences);"
	"DROP TABLE paragraphs;"
	"DROP TABLE sentences;"
	/* Dropping the sentences dropped step 16's triggers on them: the same
	 * on the spans that replace them. */
	"CREATE TRIGGER spans_stale_ai AFTER INSERT ON spans BEGIN"
	CODING_STALE_CODED("new.article_id") "END;"
	"CREATE TRIGGER spans_stale_au AFTER UPDATE ON spans BEGIN"
	CODING_STALE_CODED("old.article_id") CODING_STALE_CODED("new.article_id") "END;"
	"CREATE TRIGGER spans_stale_ad AFTER DELETE ON spans BEGIN"
	CODING_STALE_CODED("old.article_id") "END;"
	"DROP TABLE articles_fts;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  body, title, notes, content = 'articles_text', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	/* A title match counts ten times a body match, a note four times. */
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(1.0, 10.0, 4.0)');"
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 64);"
	"DELETE FROM fts_pending;"
	"DELETE FROM state WHERE key = '" FTS_DEFER_KEY "';"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",

	/* 18: a page of an actor's statements read in page order, not sorted
	 * (bench/RESULTS.md, "statements --by"). Each statement carries its
	 * article's date, copied when it is added (store_statement_add) and
	 * kept true by a trigger when the article is dated again, so an index
	 * of the speaker's statements holds the page's whole order: newest
	 * article first, the undated last (NULL sorts last descending, as
	 * STORE_PAGE_AFTER wants), then the place in the article. A page is a
	 * range of it that stops at its last row; no article is read for a
	 * row not shown. statements_speaker stays: the related statements'
	 * linker reads a speaker's newest statements by id, backwards from
	 * its own (store_related_by), which this order cannot give without
	 * sorting every statement of the speaker. */
	"ALTER TABLE statements ADD COLUMN published TEXT;"
	STATEMENTS_DATE_FILL
	"CREATE INDEX statements_speaker_order ON statements(speaker_id, published DESC,"
	"  article_id DESC, start, id);"
	"CREATE TRIGGER statements_published_au AFTER UPDATE OF published ON articles"
	"  WHEN new.published IS NOT old.published BEGIN"
	"  UPDATE statements SET published = new.published WHERE article_id = new.id;"
	"END;",

	/* 19: the entities an article's title names (a headline's "Eritrea
	 * warns Ethiopian government" names actors its body may not), at
	 * byte offsets into articles.title. A table of its own, not mentions
	 * rows at negative offsets: every reader of mentions (the layers
	 * over the body, the report counts by sentence, the statements about
	 * an entity, a highlight's entities) takes a mention's offsets as a
	 * place in the body, and each would have to learn to skip the others;
	 * here only the lists of an article's entities and of an entity's
	 * mentions read the title's, by name. Keyed and deleted as mentions
	 * are; empty when made, so the step writes no row of a big table
	 * (articles stored before it gain their title's entities when they
	 * are analysed again). */
	"CREATE TABLE title_mentions ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (article_id, start)) WITHOUT ROWID;"
	"CREATE INDEX title_mentions_entity ON title_mentions(entity_id, article_id);",
};

/* What derived data there is, and how it is made again from the rows it
 * derives from: the list's counts, the report counts, the keys index and the
 * full-text index. A salvage copies the rows and runs this, rather than
 * trust a damaged copy's. */
static const char *const derived_tables[] = { "list_years", "list_days", "fts_pending",
    "related_terms", "statement_terms", "coding_counts", "coding_speakers",
    "coding_articles", "coding_tag_articles", "coding_months", "coding_outlets",
    "coding_article_pairs", "coding_pairs", "coding_stale" };
static const char rebuild_derived[] =
    "DELETE FROM fts_pending;"
    "DELETE FROM state WHERE key = '" FTS_DEFER_KEY "';"
    "DELETE FROM list_years;"
    "DELETE FROM list_days;"
    "DELETE FROM statement_terms;"
    "DELETE FROM related_terms;"
    "DELETE FROM coding_counts;"
    "DELETE FROM coding_speakers;"
    "DELETE FROM coding_articles;"
    "DELETE FROM coding_tag_articles;"
    "DELETE FROM coding_months;"
    "DELETE FROM coding_outlets;"
    LIST_FILL
    CODING_FILL
    RELATED_FILL
    STATEMENTS_DATE_FILL
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
    "INSERT INTO memos_fts(memos_fts) VALUES ('rebuild');";

int
store_schema_derived(const char *table)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(derived_tables); i++)
		if (strcmp(table, derived_tables[i]) == 0)
			return 1;
	return 0;
}

/* The schema step that made the report counts: an older database, opened
 * by `check` without migrating it, has none to compare. */
#define COUNTS_SINCE 14
/* And the one that made the counts per month, outlet and pair. */
#define PAIRS_SINCE 16
/* And the one that keeps the spans where the pairs' counting reads the
 * sentences: an upgrade stopped between 16 and 17 has its pairs listed
 * stale, not comparable. */
#define SPANS_SINCE 17

static int user_version(struct store *st, int *v);

/* SQL: how many rows TABLE's COLS and the query ALL do not share, either
 * way (kept counts against the counting made again). */
#define COUNTS_DIFFER(cols, table, all) \
	"(SELECT count(*) FROM (" \
	"SELECT * FROM (SELECT " cols " FROM " table "  EXCEPT " all ")" \
	" UNION ALL SELECT * FROM (" all "  EXCEPT SELECT " cols " FROM " table ")))"

/* Adds to *N the number SQL (one row, one column) gives. */
static int
counts_add(struct store *st, const char *sql, int64_t *n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (s == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n += sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "comparing the report counts");
}

int
store_schema_counts_stale(struct store *st, int64_t *n)
{
	int64_t pairs;
	int v = 0;

	*n = 0;
	if (user_version(st, &v) != 0)
		return -1;
	if (v < COUNTS_SINCE)
		return 0;
	if (counts_add(st, "SELECT "
	    COUNTS_DIFFER("tag_id, article_id, speaker_id, n", "coding_counts", CODING_ALL)
	    " + " COUNTS_DIFFER("tag_id, speaker_id, n, arts", "coding_speakers",
		CODING_SPEAKERS_ALL)
	    " + " COUNTS_DIFFER("article_id, n", "coding_articles", CODING_ARTICLES_ALL), n) != 0)
		return -1;
	if (v < PAIRS_SINCE)
		return 0;
	/* Schema 16's: per tag and article (with the article's month and
	 * outlet), per month, per outlet, the pairs' sums, from the coding;
	 * then each article's pairs counted again. */
	if (counts_add(st, "SELECT "
	    COUNTS_DIFFER("tag_id, article_id, n, month, outlet", "coding_tag_articles",
		CODING_TAG_ARTICLES_ALL)
	    " + " COUNTS_DIFFER("tag_id, month, n, arts", "coding_months", CODING_BY_ALL("month"))
	    " + " COUNTS_DIFFER("tag_id, outlet, n, arts", "coding_outlets",
		CODING_BY_ALL("outlet"))
	    " + " COUNTS_DIFFER("kind, a, b, n", "coding_pairs", CODING_PAIRS_ALL), n) != 0)
		return -1;
	if (v < SPANS_SINCE)
		return 0;
	if (store_report_counts_differ(st, &pairs) != 0)
		return -1;
	*n += pairs;
	return 0;
}

int
store_schema_rebuild(struct store *st)
{
	char *msg = NULL;

	if (sqlite3_exec(store_sqlite(st), rebuild_derived, NULL, NULL, &msg) != SQLITE_OK) {
		err_set("%s: rebuilding derived data: %s", store_path(st), msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	/* The positional counts are counted in C (the counts per tag and
	 * article the SQL above made fill the months' and outlets'). */
	return store_report_counts_fill(st);
}

const char *
store_schema_sql(int version)
{
	if (version < 1 || version > (int)ARRAY_LEN(migrations))
		return NULL;
	return migrations[version - 1];
}

/* PRAGMA application_id of every database dossier makes ("doss"), so
 * that dossier knows its own files from other programs' (file(1) and
 * SQLite's magic.txt read the same header field). */
#define APPLICATION_ID 0x646f7373
#define SET_APPLICATION_ID "PRAGMA application_id = 1685025651"

/* Tables every dossier schema has had since version 1: how a database
 * made before the application id was set is known as dossier's. */
#define OWN_TABLES "'articles', 'entities', 'mentions', 'statements', 'tags', " \
	"'annotations', 'annotation_tags', 'state'"
#define OWN_TABLE_COUNT 8

static int
pragma_int(struct store *st, const char *sql, const char *what, int *v)
{
	sqlite3_stmt *s = store_stmt(st, sql);

	if (s == NULL || sqlite3_step(s) != SQLITE_ROW)
		return store_err(st, what);
	*v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

static int
user_version(struct store *st, int *v)
{
	return pragma_int(st, "PRAGMA user_version", "reading schema version", v);
}

/* How many objects the schema has, and how many are dossier's tables. */
static int
schema_objects(struct store *st, int *objects, int *own)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*), coalesce(sum(type = 'table' AND name IN ("
	    OWN_TABLES ")), 0) FROM sqlite_schema");

	if (s == NULL || sqlite3_step(s) != SQLITE_ROW)
		return store_err(st, "reading the schema");
	*objects = sqlite3_column_int(s, 0);
	*own = sqlite3_column_int(s, 1);
	sqlite3_reset(s);
	return 0;
}

int
store_schema_missing(struct store *st, struct buf *missing)
{
	struct store *ref;
	sqlite3_stmt *want, *have;
	int v = 0, rc;

	if (user_version(st, &v) != 0)
		return -1;
	/* An older schema lacks what later versions add, rightly. */
	if (v != STORE_SCHEMA_VERSION)
		return 0;
	if (store_open(":memory:", 0, &ref) != 0)
		return -1;
	if (sqlite3_prepare_v2(store_sqlite(ref), "SELECT type, name FROM sqlite_schema"
	    " WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid", -1, &want, NULL) != SQLITE_OK) {
		store_close(ref);
		return store_err(st, "listing the schema");
	}
	if ((have = store_stmt(st, "SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2"))
	    == NULL) {
		sqlite3_finalize(want);
		store_close(ref);
		return -1;
	}
	while ((rc = sqlite3_step(want)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(want, 0);
		const char *name = (const char *)sqlite3_column_text(want, 1);
		sqlite3_reset(have);
		sqlite3_bind_text(have, 1, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(have, 2, name, -1, SQLITE_STATIC);
		if (sqlite3_step(have) == SQLITE_ROW)
			continue;
		buf_printf(missing, "%s%s %s", missing->len > 0 ? ", " : "", type, name);
	}
	sqlite3_reset(have);
	sqlite3_finalize(want);
	store_close(ref);
	return rc == SQLITE_DONE ? 0 : store_err(st, "comparing the schema");
}

int
store_schema_identify(struct store *st)
{
	int app = 0, version = 0, objects = 0, own = 0;

	if (pragma_int(st, "PRAGMA application_id", "reading the application id", &app) != 0)
		return -1;
	if (app == APPLICATION_ID)
		return 0;
	if (app != 0)
		return err_set("%s: another program's database (application id %#x), not "
		    "dossier's; refusing to open it", store_path(st), (unsigned)app);
	if (user_version(st, &version) != 0 || schema_objects(st, &objects, &own) != 0)
		return -1;
	if (objects == 0 || (version >= 1 && own == OWN_TABLE_COUNT))
		return 0;
	return err_set("%s: not a dossier database (it holds another program's tables); "
	    "refusing to open it", store_path(st));
}

/* A database an older dossier made carries no application id yet. */
static int
unmarked(struct store *st)
{
	int app = 0;

	if (pragma_int(st, "PRAGMA application_id", "reading the application id", &app) != 0)
		return -1;
	return app == 0;
}

int
store_schema_outdated(struct store *st)
{
	int v = 0;

	if (user_version(st, &v) != 0)
		return -1;
	return v < STORE_SCHEMA_VERSION ? 1 : unmarked(st);
}

int
store_schema_migrate(struct store *st)
{
	sqlite3 *db = store_sqlite(st);
	char *msg = NULL, pragma[64];
	int v = 0, from;

	if (user_version(st, &v) != 0)
		return -1;
	if (v > STORE_SCHEMA_VERSION)
		return err_set("%s: made by a newer dossier (schema %d, this one knows %d); "
		    "refusing to open it", store_path(st), v, STORE_SCHEMA_VERSION);
	if (v == STORE_SCHEMA_VERSION) {
		int mark = store_is_readonly(st) ? 0 : unmarked(st);
		if (mark == 1 && sqlite3_exec(db, SET_APPLICATION_ID, NULL, NULL, NULL) != SQLITE_OK)
			return store_err(st, "setting the application id");
		return mark < 0 ? -1 : 0;
	}
	if (store_is_readonly(st))
		return err_set("%s: schema %d needs upgrading to %d, but the database is read-only",
		    store_path(st), v, STORE_SCHEMA_VERSION);
	from = v;
	for (; v < STORE_SCHEMA_VERSION; v++) {
		if (store_begin(st) != 0)
			return -1;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (sqlite3_exec(db, migrations[v], NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(db, pragma, NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(db, SET_APPLICATION_ID, NULL, NULL, &msg) != SQLITE_OK) {
			err_set("%s: migrating schema to version %d: %s", store_path(st), v + 1,
			    msg ? msg : "unknown error");
			sqlite3_free(msg);
			store_rollback(st);
			return -1;
		}
		if (from < PAIRS_SINCE && v + 1 == SPANS_SINCE &&
		    store_report_counts_fill(st) != 0) {
			err_prefix("%s: migrating schema to version %d", store_path(st), v + 1);
			store_rollback(st);
			return -1;
		}
		if (store_commit(st) != 0)
			return -1;
	}
	return 0;
}
