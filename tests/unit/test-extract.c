/* test-extract.c: tokens, the alias matcher, agreements, candidates and
 * statements, on short texts written for the test. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "kb.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static struct kb *kb;
static struct extractor *ex;
static struct text_rules *rules;
/* The date of the articles run() makes, NULL for none. */
static const char *article_date = "2023-01-20";

static const char kb_text[] =
    "person\tSergey Lavrov\tSergei Lavrov | Lavrov | Сергей Лавров\t\tForeign Minister of Russia, 2004-03-09\xE2\x80\x93\n"
    "person\tJeyhun Bayramov\tCeyhun Bayramov | Bayramov\t\tForeign Minister of Azerbaijan, 2020-07-16\xE2\x80\x93\n"
    "person\tIlham Aliyev\tİlham Əliyev | Aliyev\t\tPresident of Azerbaijan\n"
    "person\tKaren Avetisyan\tКарен Аветисян | Կարեն Ավետիսյան\t\tForeign Minister of Armenia, 2021-08-19\xE2\x80\x93\n"
    "person\tHanna Vell\t\t\tForeign Minister of Estonia, 2022-01-01\xE2\x80\x93\n"
    "person\tOtto Vell\t\t\tPresident of Estonia, 2022-01-01\xE2\x80\x93\n"
    "person\tSalim al-Harthi\t\t\tForeign Minister of Oman, 2022-01-01\xE2\x80\x93\n"
    "person\tKirill Voronov\t\t\tPress Secretary of the President of Russia, 2022-01-01\xE2\x80\x93\n"
    "person\tMajid Tabrizi\t\t\tForeign Minister of Oman, 2010-01-01\xE2\x80\x93" "2012-01-01\n"
    "person\tArmen Avakian\tАрмен Авакян\n"
    "person\tOmar Haddad\n"
    "person\tUmar Hadad\n"
    "person\tArmen Tevanyan\tАрмен Теванян\n"
    "person\tPeeter Kask\t\t\tPresident of Estonia, 1992-10-06\xE2\x80\x93" "2001-10-08\n"
    "person\tLiis Tamm\t\t\tSpokesperson of the Ministry of Foreign Affairs of Estonia, 2022-01-01\xE2\x80\x93\n"
    "organization\tMinistry of Foreign Affairs of Estonia\tEstonian foreign ministry | Էստոնիայի ԱԳՆ | Estonya Dışişleri Bakanlığı\n"
    "state\tEstonia\tEstonian\n"
    "state\tOman\tOmani | Umman\n"
    "state\tRussia\tRussian | Moscow | Россия | Москва\n"
    "state\tAzerbaijan\tAzerbaijani | Baku\n"
    "state\tArmenia\tArmenian | Yerevan | Армения | Հայաստան\n"
    "state\tSerbia\tBelgrade\n"
    "state\tKosovo\tPristina\n"
    "organization\tEuropean Union\tEU\n"
    "organization\tNorthern Wire\tАгентство новостей России\n"
    "organization\tNational Assembly of Armenia\tՀայաստանի Ազգային ժողով\n"
    "organization\tRussian peacekeeping contingent\tRussian peacekeepers\n"
    "place\tLachin corridor\n"
    "place\tMuscat\n"
    "place\tNorth Pole\tСеверный Полюс\n"
    "place\tNorth Harbour\tСеверная Гавань\n"
    "agreement\tCeasefire statement\t\t2020-11-09/2020-11-10\t\tArmenia | Azerbaijan | Russia\n"
    "agreement\tOctober declaration\t\t2022-10-06\n"
    "agreement\tBelgrade-Pristina agreement\t\t2013-04-19\t\tSerbia | Kosovo\n"
    "agreement\tTrilateral statements\ttrilateral statements\t\t\tArmenia | Azerbaijan | Russia\n"
    "organization\tNorthern Pact Organization\tNPO | ОСП\n"
    "event\tFirst Estonia-Oman War\t\t2019-03-01/2019-04-13\t\tEstonia | Oman\n"
    "event\tSecond Estonia-Oman War\t\t2021-06-01/2021-06-12\t\tEstonia | Oman\n"
    "agreement\tMuscat truce\t\t2021-06-12\t\tEstonia | Oman | Russia\n"
    "agreement\tTallinn truce\t\t2021-08-01\t\tEstonia | Oman\n"
    "agreement\tJanuary statement\t\t2021-01-11\t\tArmenia | Azerbaijan | Russia\n"
    "agreement\tAutumn statement\t\t2022-10-31\t\tArmenia | Azerbaijan | Russia\n"
    "agreement\tCaspian declaration\t\t2022-11-09\t\tAzerbaijan | Estonia | Oman\n"
    "agreement\tNovember statement\t\t2021-11-26\t\tArmenia | Azerbaijan | Russia\n";

/* Runs extraction over TEXT (paragraphs split on newlines), the article
 * titled TITLE (may be NULL). */
static void
run_titled(const char *text, const char *title, struct arena *a, struct extract_result *res)
{
	struct text_span *p, *sent = NULL, *ss;
	size_t np, ns = 0, n, i, j, len = strlen(text);
	struct extract_input in;

	np = text_paragraphs(text, len, &p);
	for (i = 0; i < np; i++) {
		n = text_sentences(rules, text + p[i].start, p[i].end - p[i].start, &ss);
		sent = xreallocarray(sent, ns + n + 1, sizeof *sent);
		for (j = 0; j < n; j++) {
			sent[ns].start = p[i].start + ss[j].start;
			sent[ns++].end = p[i].start + ss[j].end;
		}
		free(ss);
	}
	memset(&in, 0, sizeof in);
	in.body = text;
	in.len = len;
	in.paragraphs = p;
	in.nparagraphs = np;
	in.sentences = sent;
	in.nsentences = ns;
	in.date = article_date;
	in.title = title;
	arena_init(a);
	if (extract_article(ex, &in, a, res) != 0)
		tap_bail("extract_article: %s", err_msg());
	free(p);
	free(sent);
}

/* Runs extraction over TEXT, an article without a title. */
static void
run(const char *text, struct arena *a, struct extract_result *res)
{
	run_titled(text, NULL, a, res);
}

static const char *
name_of(const struct extract_result *r, int e)
{
	return e >= 0 ? kb->ents[e].name : r->candidates[-e - 1].name;
}

static void
expect_mentions(const char *text, const char *want, const char *what)
{
	struct extract_result r;
	struct arena a;
	struct buf b;
	size_t i;

	run(text, &a, &r);
	buf_init(&b);
	for (i = 0; i < r.nmentions; i++)
		buf_printf(&b, "%s%s=%.*s", i ? "; " : "", name_of(&r, r.mentions[i].entity),
		    (int)(r.mentions[i].end - r.mentions[i].start), text + r.mentions[i].start);
	is_str(b.data ? b.data : "", want, "%s", what);
	buf_free(&b);
	arena_free(&a);
}

static void
test_matcher(void)
{
	expect_mentions("Sergei Lavrov met Bayramov in Baku.",
	    "Sergey Lavrov=Sergei Lavrov; Jeyhun Bayramov=Bayramov; Azerbaijan=Baku",
	    "aliases and transliterations");
	expect_mentions("Lavrovich and Bakuvians are not names here.", "",
	    "whole words only");
	expect_mentions("Russian peacekeepers stayed.",
	    "Russian peacekeeping contingent=Russian peacekeepers", "longest match wins");
	expect_mentions("СЕРГЕЙ ЛАВРОВ and İLHAM ƏLİYEV spoke.",
	    "Sergey Lavrov=СЕРГЕЙ ЛАВРОВ; Ilham Aliyev=İLHAM ƏLİYEV",
	    "Unicode case folding, offsets exact");
	expect_mentions("The EU said eu is not us.", "European Union=EU",
	    "an acronym matches only in capitals");
	expect_mentions("Sergey\n\nLavrov", "Sergey Lavrov=Lavrov", "no match across paragraphs");
	expect_mentions("Sergey   Lavrov and Aliyev\xE2\x80\x99s office",
	    "Sergey Lavrov=Sergey   Lavrov; Ilham Aliyev=Aliyev", "spaces and apostrophes");
	/* (with a party named: a lower-case agreement name needs one) */
	expect_mentions("Armenia signed the four [trilateral] statements",
	    "Armenia=Armenia; Trilateral statements=trilateral] statements",
	    "editorial brackets read through");
	expect_mentions("the four [trilateral] statements", "",
	    "a lower-case agreement name without its parties names nothing");
}

static void
test_agreements(void)
{
	expect_mentions("They cited the November 9, 2020 agreement.",
	    "Ceasefire statement=November 9, 2020 agreement", "Month D, YYYY before the word");
	expect_mentions("The statement dated 9-10 November 2020 holds.",
	    "Ceasefire statement=statement dated 9-10 November 2020", "D-D Month YYYY after");
	expect_mentions("The accord signed in November 2020 holds. It [the agreement] works.",
	    "Ceasefire statement=accord signed in November 2020; Ceasefire statement=the agreement",
	    "month and year; bracketed anaphora");
	expect_mentions("A declaration of 6 October 2022 was signed.",
	    "October declaration=declaration of 6 October 2022", "D Month YYYY");
	expect_mentions("The treaty of 5 May 1999 is unknown.", "", "no agreement of that date");
	expect_mentions("On 9 November 2020 fighting stopped.", "", "a date without an agreement word");
	expect_mentions("Rights were set in the agreement signed between Belgrade and Pristina.",
	    "Belgrade-Pristina agreement=agreement; Serbia=Belgrade; Kosovo=Pristina",
	    "agreement by its parties");
	expect_mentions("The agreement was not mentioned before.", "", "no anaphora without antecedent");
}

static void
test_candidates(void)
{
	struct extract_result r;
	struct arena a;
	const char *t = "Armenian Foreign Minister Ararat Mirzoyan met Lavrov. Mirzoyan said "
	    "little. President Sergey Lavrov was not there.";

	run(t, &a, &r);
	is_int((long long)r.ncandidates, 1, "one candidate");
	if (r.ncandidates == 1) {
		is_str(r.candidates[0].name, "Ararat Mirzoyan", "candidate name");
		is_str(r.candidates[0].role, "Foreign Minister of Armenia", "candidate role");
	}
	ok(r.nstatements == 1 && r.statements[0].speaker < 0, "the candidate speaks by surname");
	arena_free(&a);
}

/* "speaker: words" of each statement of TEXT, the article titled TITLE
 * (may be NULL). */
static void
expect_titled_statements(const char *title, const char *text, const char *want,
    const char *what)
{
	struct extract_result r;
	struct arena a;
	struct buf b;
	size_t i;

	run_titled(text, title, &a, &r);
	buf_init(&b);
	for (i = 0; i < r.nstatements; i++) {
		const struct extract_statement *s = &r.statements[i];
		buf_printf(&b, "%s%s: %.*s", i ? " | " : "", name_of(&r, s->speaker),
		    (int)(s->end - s->start), text + s->start);
	}
	is_str(b.data ? b.data : "", want, "%s", what);
	buf_free(&b);
	arena_free(&a);
}

/* "speaker: words" of each statement of TEXT, an article without a title. */
static void
expect_statements(const char *text, const char *want, const char *what)
{
	expect_titled_statements(NULL, text, want, what);
}

static void
test_statements(void)
{
	expect_statements("Lavrov said the road must stay open.",
	    "Sergey Lavrov: Lavrov said the road must stay open.", "subject and verb");
	expect_statements("Bayramov, who arrived from Baku on Monday, later said it was fine.",
	    "Jeyhun Bayramov: Bayramov, who arrived from Baku on Monday, later said it was fine.",
	    "an aside and an adverb between subject and verb");
	expect_statements("The talks were long. He said nothing.", "",
	    "a pronoun with nobody to stand for");
	expect_statements("Lavrov met Bayramov. He said the talks went well.",
	    "Sergey Lavrov: He said the talks went well.", "a pronoun for the person named first");
	expect_statements("The Azerbaijani side rejected the idea.",
	    "Azerbaijan: The Azerbaijani side rejected the idea.", "the X side is the state");
	expect_statements("Bayramov met Lavrov. The Azerbaijani foreign minister warned Yerevan.",
	    "Jeyhun Bayramov: The Azerbaijani foreign minister warned Yerevan.",
	    "a role resolves to the person holding it");
	expect_statements("\xE2\x80\x9CWe will not accept this. Nobody will,\xE2\x80\x9D Lavrov said.",
	    "Sergey Lavrov: \xE2\x80\x9CWe will not accept this. Nobody will,\xE2\x80\x9D Lavrov said.",
	    "a quotation over two sentences, attributed after");
	expect_statements("\xE2\x80\x9CIt works,\xE2\x80\x9D said Bayramov. \xE2\x80\x9CThe Armenian "
	    "side has said so too.\xE2\x80\x9D",
	    "Jeyhun Bayramov: \xE2\x80\x9CIt works,\xE2\x80\x9D said Bayramov. \xE2\x80\x9CThe Armenian "
	    "side has said so too.\xE2\x80\x9D",
	    "said X; a following quotation continues, nothing inside it is attributed anew");
	expect_statements("According to Aliyev\xE2\x80\x99s office, the talks went well.",
	    "Ilham Aliyev: According to Aliyev\xE2\x80\x99s office, the talks went well.",
	    "according to X's office");
	expect_statements("The Lachin corridor said nothing. Peace treaty talks resumed.", "",
	    "a place is no speaker");
}

/* The rules that find speakers beyond "X said": surnames, verb-first
 * clauses, role titles without an article, more reporting verbs. */
static void
test_speakers(void)
{
	expect_mentions("Hanna Vell arrived on Monday. Vell spoke to the press.",
	    "Hanna Vell=Hanna Vell; Hanna Vell=Vell", "the surname is a mention of the person");
	expect_statements("Hanna Vell arrived on Monday. Later, Vell said the talks were useful.",
	    "Hanna Vell: Later, Vell said the talks were useful.",
	    "the surname alone after the full name");
	expect_statements("Vell said the talks were useful. Hanna Vell arrived on Monday.", "",
	    "no surname before the full name");
	expect_statements("Hanna Vell met Otto Vell. Vell said the talks were useful.", "",
	    "a surname two people named share is nobody's");
	expect_statements("Salim al-Harthi met Lavrov in Muscat. Al-Harthi confirmed that talks go on.",
	    "Salim al-Harthi: Al-Harthi confirmed that talks go on.",
	    "a hyphenated surname as a whole");
	expect_statements("Министр иностранных дел Армении Карен Аветисян прибыл в Москву. "
	    "По словам Аветисяна, текст готов.",
	    "Karen Avetisyan: По словам Аветисяна, текст готов.",
	    "a surname with a case ending (Russian)");
	expect_statements("Переговоры пройдут в мае. Об этом заявил Карен Аветисян.",
	    "Karen Avetisyan: Переговоры пройдут в мае.",
	    "\"Об этом заявил X\": the subject after a verb that opens the clause");
	expect_statements("Переговоры пройдут в мае. Об этом заявил министр иностранных дел Армении "
	    "Карен Аветисян.",
	    "Karen Avetisyan: Переговоры пройдут в мае.",
	    "the state after the title is the title's; the person follows");
	expect_statements("Карен Аветисян прибыл в Москву.\n\n\xC2\xABТекст готов\xC2\xBB, "
	    "\xE2\x80\x93 отметил министр.",
	    "Karen Avetisyan: \xC2\xABТекст готов\xC2\xBB, \xE2\x80\x93 отметил министр.",
	    "a role title after the quotation, no article (Russian)");
	expect_statements("Карен Аветисян прибыл в Москву. Глава МИД подчеркнул, что текст готов.",
	    "Karen Avetisyan: Глава МИД подчеркнул, что текст готов.",
	    "a role title opening the clause (Russian)");
	expect_statements("Переговоры пройдут в мае. Текст готов.\n\nОб этом заявил Карен Аветисян.",
	    "Karen Avetisyan: Переговоры пройдут в мае. Текст готов.",
	    "refers back to the start of the paragraph before");
	expect_statements("Sülh yaxındır. Biz hazırıq.\n\nAgentlik xəbər verir ki, bu fikri "
	    "Karen Avetisyan bildirib.",
	    "Karen Avetisyan: Sülh yaxındır. Biz hazırıq.",
	    "\"bu fikri X bildirib\" refers back (Azerbaijani)");
	expect_statements("Sülh əldə ediləcək. Karen Avetisyan bildirib ki, sülh yaxındır.",
	    "Karen Avetisyan: Karen Avetisyan bildirib ki, sülh yaxındır.",
	    "no refers-back phrase: the sentence itself");
	expect_statements("Two Estonian security sources said the talks would resume.",
	    "Estonia: Two Estonian security sources said the talks would resume.",
	    "a state's sources speak for it");
	expect_statements("An EU official said the door stays open.",
	    "European Union: An EU official said the door stays open.",
	    "a body's official speaks for it");
	expect_statements("The talks went on. Estonian sources said the talks would resume.",
	    "Estonia: Estonian sources said the talks would resume.",
	    "a bare plural opening the clause: the state's sources");
	expect_statements("The talks went on. Western sources said the talks would resume.", "",
	    "sources of no state stay unnamed");
	expect_statements("Пресс-секретарь президента России Кирилл Воронов заявил, что встреча "
	    "состоится. Позже Воронов заявил, что дата известна.",
	    "Kirill Voronov: Пресс-секретарь президента России Кирилл Воронов заявил, что встреча "
	    "состоится. | Kirill Voronov: Позже Воронов заявил, что дата известна.",
	    "a known person in Cyrillic after a title and its genitives, then by surname");
	expect_statements("Dışişleri Bakanı Mecid Tebrizi, görüşmelerin süreceğini söyledi.",
	    "Majid Tabrizi: Dışişleri Bakanı Mecid Tebrizi, görüşmelerin süreceğini söyledi.",
	    "a known person in Turkish spelling (c is j, vowels drift)");
	expect_statements("Dışişleri Bakanı Ömer Haddad, görüşmelerin süreceğini söyledi.",
	    "Ömer Haddad: Dışişleri Bakanı Ömer Haddad, görüşmelerin süreceğini söyledi.",
	    "a spelling that fits two known people is a found name, neither of them");
	expect_statements("Hanna Vell was quoted by the agency as saying the door stays open.",
	    "Hanna Vell: Hanna Vell was quoted by the agency as saying the door stays open.",
	    "was quoted by X as saying");
	expect_statements("Hanna Vell arrived in Muscat. According to the foreign minister, the talks "
	    "went well.",
	    "Hanna Vell: According to the foreign minister, the talks went well.",
	    "according to a role: the person named before who holds it");
	expect_statements("Карен Аветисян прибыл в Москву. Как подчеркнул министр, диалог важен.",
	    "Karen Avetisyan: Как подчеркнул министр, диалог важен.",
	    "\"как подчеркнул\" and a role (Russian)");
	expect_statements("Hanna Vell spoke for an hour. She concluded that the door stays open.",
	    "Hanna Vell: She concluded that the door stays open.", "concluded reports speech");
	expect_statements("The report was written in May. It concluded that the door stays open.", "",
	    "no speaker, no statement");
}

/* Constructions of the verb-final languages and of quotations over
 * paragraphs. */
static void
test_more_speakers(void)
{
	expect_statements("Toplantının yararlı olduğunu söyleyen Hanna Vell, yeni bir tur önerdi.",
	    "Hanna Vell: Toplantının yararlı olduğunu söyleyen Hanna Vell, yeni bir tur önerdi.",
	    "a reporting participle: its noun speaks (Turkish)");
	expect_statements("Hanna Vell ile Otto Vell görüştü. Bakanlar basın toplantısında konuşuyor:",
	    "Hanna Vell: Bakanlar basın toplantısında konuşuyor: | Otto Vell: Bakanlar basın "
	    "toplantısında konuşuyor:",
	    "a group opening a verb-final clause is its subject (Turkish)");
	expect_statements("Beyaz Saray da \"Ricanızı kırmadık\" deyip Estonia'nın açıklamasını "
	    "doğruladı.", "",
	    "a state in a case of its own after the verb is no subject (Turkish)");
	expect_statements("\xE2\x80\x9CWe are ready. The text is done.\n\nWe wait for an answer,"
	    "\xE2\x80\x9D Lavrov said.\n\nThe talks went on.",
	    "Sergey Lavrov: \xE2\x80\x9CWe are ready. The text is done.\n\nWe wait for an answer,"
	    "\xE2\x80\x9D Lavrov said.",
	    "a quotation opened in one paragraph and closed in the next");
	expect_statements("\xE2\x80\x9CWe are ready.\n\nThe talks went on. \xE2\x80\x9CNo,\xE2\x80\x9D "
	    "Lavrov said.",
	    "Sergey Lavrov: \xE2\x80\x9CNo,\xE2\x80\x9D Lavrov said.",
	    "an opening mark between ends the wait for the closing one");
	expect_statements("Հայաստանը հայտարարել է, որ տեքստը պատրաստ է: Այս մասին հայտարարել է "
	    "Կարեն Ավետիսյանը:",
	    "Karen Avetisyan: Հայաստանը հայտարարել է, որ տեքստը պատրաստ է:",
	    "what a state said is what the person named after \"Այս մասին\" said (Armenian)");
	expect_statements("Կարեն Ավետիսյանը ժամանել է Մոսկվա: Արտգործնախարարի խոսքով՝ տեքստը "
	    "պատրաստ է:",
	    "Karen Avetisyan: Արտգործնախարարի խոսքով՝ տեքստը պատրաստ է:",
	    "a title in the genitive before \"in the words of\" (Armenian)");
	expect_statements("Ceyhun Bayramov Bakıya qayıdıb. Nazirin sözlərinə görə, sülh yaxındır.",
	    "Jeyhun Bayramov: Nazirin sözlərinə görə, sülh yaxındır.",
	    "a title in the genitive before \"in the words of\" (Azerbaijani)");
	expect_statements("Նա Երևանին մեղադրել է բանակցությունները ձգձգելու մեջ։", "",
	    "a pronoun is no found name, nor a speaker with nobody before");
	expect_statements("In a press release, the Estonian government said the talks were useful. "
	    "The statement stressed that the door stays open.",
	    "Estonia: In a press release, the Estonian government said the talks were useful. | "
	    "Estonia: The statement stressed that the door stays open.",
	    "a document as the subject is the last speaker's");
	expect_statements("The Estonian government said the talks were useful. Talks went on. The "
	    "government also demanded a second round.",
	    "Estonia: The Estonian government said the talks were useful. | Estonia: The "
	    "government also demanded a second round.",
	    "\"the government\" alone is the state that spoke last");
	expect_statements("The statement stressed that the door stays open.", "",
	    "a document with nobody who spoke before is nobody's");
	expect_statements("Переговоры продолжатся. Об этом заявил помощник президента России Степан "
	    "Гордеев.",
	    "Степан Гордеев: Переговоры продолжатся.",
	    "the genitives after a title lead to the name after the verb (Russian)");
	expect_statements("Hanna Vell arrived in Muscat.\n\nEstonian Foreign Minister Vell:\nWe are "
	    "ready. The text is done.\n\nThe talks went on.",
	    "Hanna Vell: We are ready. The text is done.",
	    "a line naming a speaker and ending in a colon: the paragraph after is theirs");
	expect_statements("Hanna Vell arrived in Muscat.\n\nThe agenda:\nWe are ready.", "",
	    "a line ending in a colon that names nobody");
	expect_statements("Ceyhun Bayramov Bakıya qayıdıb. Dövlət başçısı İlham Əliyev bildirib ki, "
	    "sülh yaxındır.",
	    "Ilham Aliyev: Dövlət başçısı İlham Əliyev bildirib ki, sülh yaxındır.",
	    "\"the head of state\" is a title (Azerbaijani)");
	expect_statements("Dışişleri Bakanı Mecid el-Tebrani görüştü. El-Tebrani, \"Hazırız\" dedi.",
	    "Mecid el-Tebrani: El-Tebrani, \"Hazırız\" dedi.",
	    "a found hyphenated surname is mentioned later with its particle (Turkish)");
	expect_statements("The talks will go on next week, said Hanna Vell.",
	    "Hanna Vell: The talks will go on next week, said Hanna Vell.",
	    "the verb opening a clause after a comma, its subject after it");
	expect_statements("Talks with Oman will go on, said the Estonian foreign ministry.",
	    "Ministry of Foreign Affairs of Estonia: Talks with Oman will go on, said the Estonian "
	    "foreign ministry.",
	    "the verb after a comma, its subject after it closing the sentence, a state before");
	expect_statements("Talks with Oman will go on, said Hanna Vell, the foreign minister.",
	    "Hanna Vell: Talks with Oman will go on, said Hanna Vell, the foreign minister.",
	    "the verb after a comma, its subject after it before an apposition, a state before");
	expect_statements("The Estonian foreign ministry, in a statement on Friday, said Oman had "
	    "closed its border.",
	    "Ministry of Foreign Affairs of Estonia: The Estonian foreign ministry, in a statement on "
	    "Friday, said Oman had closed its border.",
	    "a body before an aside speaks, not the subject of the clause it reports");
	expect_statements("Estonia, in a statement, told Oman to withdraw.",
	    "Estonia: Estonia, in a statement, told Oman to withdraw.",
	    "a state before an aside speaks, not the one it tells");
	expect_statements("Talks in Muscat went on, said Oman, and the war would end.",
	    "Oman: Talks in Muscat went on, said Oman, and the war would end.",
	    "a state after the verb closing its clause at a comma speaks, a place before");
	expect_statements("Переговоры продолжатся, сообщил министр иностранных дел Армении Карен "
	    "Аветисян журналистам.",
	    "Karen Avetisyan: Переговоры продолжатся, сообщил министр иностранных дел Армении Карен "
	    "Аветисян журналистам.",
	    "after the verb, the person named after a title before the title's role (Russian)");
	expect_statements("Карен Аветисян заявил, что текст готов. Встреча пройдет в мае, сообщает "
	    "Агентство новостей России.",
	    "Karen Avetisyan: Карен Аветисян заявил, что текст готов. | Karen Avetisyan: Встреча "
	    "пройдет в мае, сообщает Агентство новостей России.",
	    "an outlet passing on words gives them to the last speaker (Russian)");
	expect_statements("Встреча пройдет в мае, сообщает Агентство новостей России.", "",
	    "an outlet with nobody who spoke before is no speaker (Russian)");
	expect_statements("The European Union said the door stays open. The agency also warned "
	    "Estonia.",
	    "European Union: The European Union said the door stays open. | European Union: The "
	    "agency also warned Estonia.",
	    "a body named again by its kind is the organization named last");
	expect_statements("The movement warned Estonia.", "",
	    "a body named by its kind with none named before is nobody");
	expect_mentions("Переговоры пройдут в Армении.", "Armenia=Армении",
	    "an inflection that ends a name wins over one that only starts another");
	expect_mentions("Ռուսաստանը Հայաստանի հետ կբանակցի։", "Armenia=Հայաստանի",
	    "an inflection that ends a name counts though as written the word begins a longer "
	    "name (Armenian)");
	expect_mentions("Հայաստանի Ազգային ժողով նիստը կայացավ։",
	    "National Assembly of Armenia=Հայաստանի Ազգային ժողով",
	    "the longer name stands where it goes on (Armenian)");
	expect_mentions("Dışişleri Bakanı Serjey Lavrov geldi.", "Sergey Lavrov=Lavrov",
	    "a first name before a known surname is no found name");
}

/* People the knowledge base lacks, found after a title or with an
 * apposition, speak, and so do their surnames later; a name found after a
 * title that is no person's does not. */
static void
test_found_speakers(void)
{
	expect_statements("Hamas leader Tarek Mansour arrived in Cairo. Mansour said the truce holds.",
	    "Tarek Mansour: Mansour said the truce holds.",
	    "a found person after a lower-case title speaks by surname");
	expect_statements("Talks resumed. EU Trade Commissioner Lena Marsh told reporters a deal "
	    "was close.",
	    "Lena Marsh: EU Trade Commissioner Lena Marsh told reporters a deal was close.",
	    "a found person after a body's title speaks");
	expect_statements("Yusuf Karimi, the spokesperson of the delegation, arrived. Later, Karimi "
	    "said the talks went well.",
	    "Yusuf Karimi: Later, Karimi said the talks went well.",
	    "a found person by apposition speaks by surname");
	expect_mentions("Делегация России прибыла в Стамбул, сообщило Агентство новостей России.",
	    "Russia=России; Стамбул=Стамбул; Northern Wire=Агентство новостей России",
	    "a word of one alias that is another's inflection matches both (Russian)");
	expect_mentions("Власти Армении ответили.", "Armenia=Армении",
	    "a longer ending leaving another alias's first word (Армен) gives way to the stem "
	    "that ends an alias (Russian)");
	expect_statements("The head of the delegation, Tarik Mansoor, arrived on Monday. Mansoor said "
	    "the truce holds.",
	    "Tarik Mansoor: Mansoor said the truce holds.",
	    "a found person in apposition after a titled phrase speaks by surname");
	expect_statements("In the capital, Tarik Mansoor, arrived on Monday. Mansoor said the truce "
	    "holds.", "",
	    "a name between commas without a title before is no found person");
	expect_statements("Переговоры продолжатся. Об этом заявил помощник Степан Гордеев.",
	    "Степан Гордеев: Переговоры продолжатся.",
	    "a found person after an aide's title speaks, the verb first (Russian)");
	expect_statements("Встреча прошла. Генеральный директор МАГАТЭ Рафаил Остров заявил, что "
	    "доступ будет.",
	    "Рафаил Остров: Генеральный директор МАГАТЭ Рафаил Остров заявил, что доступ будет.",
	    "a body's abbreviation after the title is skipped to the name (Russian)");
	expect_statements("Встреча прошла. Директор МАГАТЭ подчеркнул, что доступ будет.", "",
	    "an abbreviation after a title is no found person, and no speaker (Russian)");
	expect_statements("Talks resumed. The Northern Reconstruction Fund said the money was there.",
	    "", "a found body is no speaker");
	expect_statements("Talks resumed. Lena Marsh said the money was there. Later, Marsh told "
	    "reporters more.",
	    "Lena Marsh: Lena Marsh said the money was there. | Lena Marsh: Later, Marsh told "
	    "reporters more.",
	    "a full name without a title that says something is a person, by surname later");
	expect_statements("Talks resumed, according to Lena Marsh.",
	    "Lena Marsh: Talks resumed, according to Lena Marsh.",
	    "according to a full name without a title");
	expect_statements("\xE2\x80\x9CThe money is there,\xE2\x80\x9D said Lena Marsh. Talks "
	    "resumed, said Tarik Mansoor.",
	    "Lena Marsh: \xE2\x80\x9CThe money is there,\xE2\x80\x9D said Lena Marsh. | Tarik "
	    "Mansoor: Talks resumed, said Tarik Mansoor.",
	    "a full name after a quotation's or a clause's verb");
	expect_statements("Lavrov told Lena Marsh the talks were over.",
	    "Sergey Lavrov: Lavrov told Lena Marsh the talks were over.",
	    "a name after a verb with its subject before is no speaker");
	expect_statements("Lena Marsh arrived in Cairo on Monday.", "",
	    "a full name without a title or a verb of speech is not found");
	expect_statements("The head of the trade council, Tarik Mansoor, told the agency the deal "
	    "holds.",
	    "Tarik Mansoor: The head of the trade council, Tarik Mansoor, told the agency the deal "
	    "holds.",
	    "the name in apposition between the titled phrase and the verb speaks");
}

/* Groups of speakers, and reporting verbs in their other forms. */
static void
test_groups_and_forms(void)
{
	expect_statements("Bayramov met Lavrov in Baku on Monday and again on Tuesday. Lavrov later "
	    "flew on. President Otto Vell and Foreign Minister Hanna Vell arrived in Baku with "
	    "Lavrov. The two leaders also asked for new talks.",
	    "Otto Vell: The two leaders also asked for new talks. | Hanna Vell: The two leaders "
	    "also asked for new talks.",
	    "the two leaders are the pair named together last, not those named most");
	expect_statements("Lavrov held talks with his counterparts, Karen Avetisyan and Jeyhun "
	    "Bayramov. Lavrov spoke first. The ministers reiterated their commitment.",
	    "Sergey Lavrov: The ministers reiterated their commitment. | Karen Avetisyan: The "
	    "ministers reiterated their commitment.",
	    "a pair someone met is no group of speakers: the people named most are");
	expect_statements("Lavrov met Bayramov. The sides reaffirmed their commitment.",
	    "Sergey Lavrov: The sides reaffirmed their commitment. | Jeyhun Bayramov: The sides "
	    "reaffirmed their commitment.",
	    "with no pair named together, the sides are the people named most");
	expect_statements("Сергей Лавров прибыл в Москву. Карен Аветисян и Сергей Лавров встретились. Министры "
	    "подчеркнули, что диалог важен.",
	    "Karen Avetisyan: Министры подчеркнули, что диалог важен. | Sergey Lavrov: Министры "
	    "подчеркнули, что диалог важен.",
	    "the pair named together with \"и\" (Russian)");
	expect_statements("Министерство сообщило, что встреча прошла. Карен Аветисян уточнил, что "
	    "текст готов.",
	    "Karen Avetisyan: Карен Аветисян уточнил, что текст готов.",
	    "a reporting verb in another form (Russian)");
	expect_statements("Ceyhun Bayramov vurğulamışdır ki, sülh əldə ediləcək.",
	    "Jeyhun Bayramov: Ceyhun Bayramov vurğulamışdır ki, sülh əldə ediləcək.",
	    "the formal perfect of a reporting verb (Azerbaijani)");
	expect_statements("Կարեն Ավետիսյանը պարզաբանել է, որ տեքստը պատրաստ է։",
	    "Karen Avetisyan: Կարեն Ավետիսյանը պարզաբանել է, որ տեքստը պատրաստ է։",
	    "a reporting verb missing before (Armenian)");
	expect_statements("Lavrov, görüşmenin iyi geçtiğinin altını çizdi.",
	    "Sergey Lavrov: Lavrov, görüşmenin iyi geçtiğinin altını çizdi.",
	    "an idiom of speech (Turkish)");
	expect_statements("Lavrov dismissed the report and blamed Yerevan for the delay.",
	    "Sergey Lavrov: Lavrov dismissed the report and blamed Yerevan for the delay.",
	    "an English reporting verb");
	expect_statements("Talks resumed. Liis Tamm spoke first. The Estonian foreign ministry "
	    "spokesperson said the door stays open.",
	    "Liis Tamm: The Estonian foreign ministry spokesperson said the door stays open.",
	    "a title of a state's body is held by whoever holds it in that body");
	expect_statements("Բանակցությունները կշարունակվեն։ Այս մասին լրագրողներին հայտնել է "
	    "արտաքին գործերի նախարար Կարեն Ավետիսյանը։ Նա Երևանին մեղադրել է։",
	    "Karen Avetisyan: Բանակցությունները կշարունակվեն։ | Karen Avetisyan: Նա Երևանին "
	    "մեղադրել է։",
	    "a sentence that refers back ends with its speaker's name; a pronoun opening a "
	    "verb-final sentence (Armenian)");
	expect_statements("Переговоры продолжатся. Об этом сообщили журналистам после встречи с "
	    "Кареном Аветисяном в Москве.", "",
	    "a name that does not end the sentence is no speaker of what came before (Russian)");
	expect_statements("Переговоры продолжатся. Об этом сообщил журналистам в Москве после "
	    "встречи Карен Аветисян.",
	    "Karen Avetisyan: Переговоры продолжатся.",
	    "the name ending it is (Russian)");
	expect_statements("Otto Vell met Peeter Kask in Tallinn. The Estonian president said the "
	    "talks went well.",
	    "Otto Vell: The Estonian president said the talks went well.",
	    "an article without a date is today's: a role that ended is nobody's");
	expect_statements("İlham Əliyev Bakıda çıxış edib.\n\n\xE2\x80\x9CSülh əldə ediləcək. Biz "
	    "hazırıq\xE2\x80\x9D, \xE2\x80\x93 deyə dövlət başçısı vurğulayıb.",
	    "Ilham Aliyev: \xE2\x80\x9CSülh əldə ediləcək. Biz hazırıq\xE2\x80\x9D, "
	    "\xE2\x80\x93 deyə dövlət başçısı vurğulayıb.",
	    "\"deyə\" and a title after a quotation (Azerbaijani)");
	expect_statements("Umman da görüşmelerin yararlı geçtiğini doğruladı.",
	    "Oman: Umman da görüşmelerin yararlı geçtiğini doğruladı.",
	    "a state opening a verb-final sentence, set off by a particle (Turkish)");
	expect_statements("Umman'ın görüşmeleri yararlı geçti.", "",
	    "a state in a case of its own with no verb of speech (Turkish)");
	expect_statements("Salim al-Harthi arrived in Muscat with Lavrov. The Omani senior official "
	    "said talks go on.",
	    "Salim al-Harthi: The Omani senior official said talks go on.",
	    "the state's official is the one of it named before");
	expect_statements("Lavrov arrived in Muscat. The Omani official said talks go on.",
	    "Oman: The Omani official said talks go on.",
	    "the state's official with none of it named before is the state's");
	expect_statements("Salim al-Harthi arrived in Muscat. An Omani official said talks go on.",
	    "Oman: An Omani official said talks go on.",
	    "an official, not the official, is the state's");
	expect_statements("Переговоры идут. По оценке Карена Аветисяна, текст готов.",
	    "Karen Avetisyan: По оценке Карена Аветисяна, текст готов.",
	    "\"по оценке X\" (Russian)");
	expect_statements("Görüşmeler sürüyor. Lavrov'un açıklamasına göre, görüşmeler yarın da "
	    "sürecek.",
	    "Sergey Lavrov: Lavrov'un açıklamasına göre, görüşmeler yarın da sürecek.",
	    "\"X'in açıklamasına göre\" (Turkish)");
	expect_statements("The Northern Wire quoted Lavrov as saying the talks were over.",
	    "Sergey Lavrov: The Northern Wire quoted Lavrov as saying the talks were over.",
	    "an outlet quoted X as saying: X speaks");
	expect_statements("Карен Аветисян прибыл в Москву. По его словам, текст готов.",
	    "Karen Avetisyan: По его словам, текст готов.",
	    "\"по его словам\": the possessive between \"по\" and the noun (Russian)");
	expect_statements("Сергей Лавров прибыл в Москву. Карен Аветисян и Сергей Лавров встретились. "
	    "Главы внешнеполитических ведомств подчеркнули, что диалог важен.",
	    "Karen Avetisyan: Главы внешнеполитических ведомств подчеркнули, что диалог важен. | "
	    "Sergey Lavrov: Главы внешнеполитических ведомств подчеркнули, что диалог важен.",
	    "the heads of the foreign-policy offices are a group (Russian)");
	expect_statements("Lavrov and Bayramov said the talks went well.",
	    "Sergey Lavrov: Lavrov and Bayramov said the talks went well. | Jeyhun Bayramov: Lavrov "
	    "and Bayramov said the talks went well.",
	    "two subjects joined by \"and\" both speak");
	expect_statements("\xE2\x80\x9CIt works,\xE2\x80\x9D Lavrov and Foreign Minister Bayramov "
	    "said.",
	    "Sergey Lavrov: \xE2\x80\x9CIt works,\xE2\x80\x9D Lavrov and Foreign Minister "
	    "Bayramov said. | Jeyhun Bayramov: \xE2\x80\x9CIt works,\xE2\x80\x9D Lavrov and Foreign "
	    "Minister Bayramov said.",
	    "after a quotation, the second of the pair past its title");
	expect_statements("After talks between Lavrov and Bayramov, Aliyev said the road is open.",
	    "Ilham Aliyev: After talks between Lavrov and Bayramov, Aliyev said the road is open.",
	    "a pair that is not the subject does not speak");
	expect_statements("Salim al-Harthi, who hosted the talks in Oman\xE2\x80\x99s capital, Muscat, "
	    "confirmed that they will go on.",
	    "Salim al-Harthi: Salim al-Harthi, who hosted the talks in Oman\xE2\x80\x99s capital, "
	    "Muscat, confirmed that they will go on.",
	    "an aside with a place set off by commas inside it");
	expect_statements("Lavrov arrived on Monday. He told reporters:\n\n\xE2\x80\x9CThe road must "
	    "stay open. We will not give up.\xE2\x80\x9D\n\nThe talks went on.",
	    "Sergey Lavrov: He told reporters: | Sergey Lavrov: \xE2\x80\x9CThe road must stay open. "
	    "We will not give up.\xE2\x80\x9D",
	    "a sentence ending in a colon and the quotation in the paragraph after it: two statements");
	expect_statements("A senior Estonian official told the agency the door stays open.",
	    "Estonia: A senior Estonian official told the agency the door stays open.",
	    "a rank before the state: the state's official");
	expect_statements("Карен Аветисян выступил с заявлением, в котором осудил обстрел.",
	    "Karen Avetisyan: Карен Аветисян выступил с заявлением, в котором осудил обстрел.",
	    "\"выступил с заявлением\" (Russian)");
	expect_statements("Էստոնիայի ԱԳՆ-ն հայտարարություն է տարածել։",
	    "Ministry of Foreign Affairs of Estonia: Էստոնիայի ԱԳՆ-ն հայտարարություն է տարածել։",
	    "an abbreviation's ending after a hyphen; issuing a statement (Armenian)");
	expect_statements("Կարեն Ավետիսյանը ժամանել է Մոսկվա։ Նախարարն ընդգծել է, որ տեքստը "
	    "պատրաստ է։",
	    "Karen Avetisyan: Նախարարն ընդգծել է, որ տեքստը պատրաստ է։",
	    "a title with the article -ն (Armenian)");
	expect_statements("Estonya Dışişleri Bakanlığından yapılan açıklamada, saldırı kınandı.",
	    "Ministry of Foreign Affairs of Estonia: Estonya Dışişleri Bakanlığından yapılan "
	    "açıklamada, saldırı kınandı.",
	    "the statement of the body named before it, a passive verb (Turkish)");
	expect_statements("Переговоры продолжатся в мае. Такое заявление сделал Карен Аветисян.",
	    "Karen Avetisyan: Переговоры продолжатся в мае.",
	    "\"Такое заявление сделал X\" refers back (Russian)");
	expect_statements("Estonia\xE2\x80\x99s President\xE2\x80\x99s Office said the visit was "
	    "put off.",
	    "Otto Vell: Estonia\xE2\x80\x99s President\xE2\x80\x99s Office said the visit was put "
	    "off.",
	    "the office of a role is its holder's, today's for an article without a date");
	expect_statements("An EU official told the Northern Wire the plan stands. The bloc said it "
	    "would wait.",
	    "European Union: An EU official told the Northern Wire the plan stands. | European "
	    "Union: The bloc said it would wait.",
	    "an outlet spoken to is not the body named last");
	expect_statements("Iran and Estonia both described the talks as useful.",
	    "Estonia: Iran and Estonia both described the talks as useful.",
	    "\"both\" between the subject and the verb");
	expect_statements("Сергей Лавров прибыл в Анкару. Глава российской дипломатии подчеркнул, "
	    "что Москва готова.",
	    "Sergey Lavrov: Глава российской дипломатии подчеркнул, что Москва готова.",
	    "a foreign minister by description on second reference (Russian)");
	expect_statements("The report blamed the weather.", "",
	    "a reporting verb without an actor is no statement");
}

/* Agreements and events named by what they are (described.txt): after
 * the place they were made in, by what they settle, and a body's summit. */
static void
test_described_names(void)
{
	expect_mentions("The Belgrade agreement was signed in May.",
	    "Belgrade agreement=Belgrade agreement", "the place an agreement was made in names it");
	expect_mentions("Leaders recalled the terms of the Muscat Declaration.",
	    "Muscat Declaration=Muscat Declaration", "a place and a capitalized agreement noun");
	expect_mentions("A Russian agreement was signed.", "Russia=Russian",
	    "in English, without \"the\" a state's word before the noun is no name");
	expect_mentions("The Russian proposal was rejected.", "Russia=Russian",
	    "a proposal is named after who made it, not where");
	expect_mentions("They reached an agreement on a ceasefire in May.",
	    "agreement on a ceasefire=agreement on a ceasefire", "what an agreement settles after it");
	expect_mentions("Стороны обсудили соглашение о прекращении огня.",
	    "соглашение о прекращении огня=соглашение о прекращении огня",
	    "what an agreement settles after it (Russian)");
	expect_mentions("They reached an agreement on Monday.", "",
	    "a day after \"agreement on\" is no subject");
	expect_mentions("Tərəflər atəşkəs haqqında razılaşma imzalayıb.",
	    "atəşkəs haqqında razılaşma=atəşkəs haqqında razılaşma",
	    "a postposition between the topic and the noun (Azerbaijani)");
	expect_mentions("Leaders met at the NPO summit in May.", "NPO summit=NPO summit",
	    "a body's summit is an event");
	expect_mentions("Лидеры встретились на саммите ОСП в мае.",
	    "саммите ОСП=саммите ОСП; Northern Pact Organization=ОСП",
	    "the summit before the body (Russian), the body named in it");
	expect_mentions("The NPO leaders' summit ended.", "NPO leaders' summit=NPO leaders' summit",
	    "a leaders' summit");
	expect_mentions("The NPO said the summit would wait.", "Northern Pact Organization=NPO",
	    "a summit apart from the body is not its summit");
	expect_mentions("Both sides backed the 20-point plan.", "20-point plan=20-point plan",
	    "a plan told by its size");
	expect_mentions("They agreed to a 60-day ceasefire.", "60-day ceasefire=60-day ceasefire",
	    "a truce told by its length needs no noun");
	expect_mentions("The 20-point trade list was long.", "",
	    "a measure before a topic that is no truce names nothing");
	expect_mentions("Both recalled the 2015 agreement.", "2015 agreement=2015 agreement",
	    "\"the\" and a year before the noun");
	expect_mentions("The 2020 trade war ended.", "",
	    "a year and a topic without the noun are no agreement");
	expect_mentions("The Armenia-Azerbaijan war ended.",
	    "Armenia-Azerbaijan war=Armenia-Azerbaijan war; Azerbaijan=Azerbaijan",
	    "a war named by the pair of states");
	expect_mentions("The Estonia-NPO conflict deepened.",
	    "Estonia-NPO conflict=Estonia-NPO conflict; Northern Pact Organization=NPO",
	    "a pair of a state and a body");
	expect_mentions("The NPO war plans leaked.", "Northern Pact Organization=NPO",
	    "a body alone before \"war\" names no war");
}

/* "name/kind" of each candidate, in order. */
static void
expect_candidates(const char *text, const char *want, const char *what)
{
	struct extract_result r;
	struct arena a;
	struct buf b;
	size_t i;

	run(text, &a, &r);
	buf_init(&b);
	for (i = 0; i < r.ncandidates; i++)
		buf_printf(&b, "%s%s/%s", i ? "; " : "", r.candidates[i].name,
		    kb_kind_name(r.candidates[i].kind));
	is_str(b.data ? b.data : "", want, "%s", what);
	buf_free(&b);
	arena_free(&a);
}

/* People the knowledge base lacks, found by the shape of their names and
 * by the lines that credit them. */
static void
test_found_people(void)
{
	expect_mentions("The remarks came from Kim Tae-sok, the envoy. Kim said little.",
	    "Kim Tae-sok=Kim Tae-sok; Kim Tae-sok=Kim",
	    "a Korean given name's two syllables, the family name alone later");
	expect_mentions("Envoy Mart Kask-appointed officials left.", "Mart Kask=Mart Kask",
	    "a long lower-case word after a hyphen is no syllable of a name");
	expect_candidates("Talks went on.\n\n(Reporting by Mari Tamm and Jaan Kask; Editing by Anna Saar)",
	    "Mari Tamm/person; Jaan Kask/person; Anna Saar/person",
	    "a credit line names its journalists");
	expect_candidates("By Liis Mets\n\nTalks went on.", "Liis Mets/person", "a byline");
	expect_candidates("The deal was drafted by Liis Mets.", "",
	    "\"by\" inside a sentence is no credit");
	expect_candidates("Prezident Administrasiyasının Xarici siyasət şöbəsi bəyanat yayıb.", "",
	    "a body's head noun after a title makes no person, and a word after the head no "
	    "body (Azerbaijani)");
	expect_candidates("Şimal Liman Administrasiyasının Xarici şöbəsi bəyanat yayıb.",
	    "Şimal Liman Administrasiyasının/organization",
	    "a body's name ends at its head noun (Azerbaijani)");
	expect_candidates("Дипломат напомнила о поездках спецпредставителя Яана Тамма в регион.",
	    "Яана Тамма/person", "a title in the genitive introduces a name (Russian)");
	expect_candidates("Officers of the Northern Intelligence Directorate left.",
	    "Northern Intelligence Directorate/organization", "a directorate is a body");
	expect_candidates("Закон одобрил Совет Северной Лиги.", "Совет Северной Лиги/organization",
	    "a Russian body's head noun");
	expect_candidates("Officials told Vesti.ru.\n\nAll is well.", "Vesti.ru/organization",
	    "an outlet's address ending a paragraph");
	expect_candidates("Officials told Vesti.ru.news today.", "",
	    "an address going on after the domain is no outlet's");
}

/* A name the text gives with its abbreviation in brackets, and the
 * abbreviation alone later. */
static void
test_abbreviations(void)
{
	expect_mentions("The Baltic Grain Traders Union (BGTU) met. BGTU said no.",
	    "Baltic Grain Traders Union=Baltic Grain Traders Union; "
	    "Baltic Grain Traders Union=BGTU; Baltic Grain Traders Union=BGTU",
	    "a name before its abbreviation, the abbreviation later");
	expect_candidates("Talks with the Democratic Front for the Liberation of Estonia (FDLE) "
	    "stalled.", "Democratic Front for the Liberation of Estonia/organization",
	    "letters in another order, small words passed over, a state inside taken over");
	expect_candidates("Делегаты Союза северных портов (ССП) прибыли.",
	    "Союза северных портов/organization", "lower-case words in the name (Russian)");
	expect_candidates("The Northern Grain Accord (NGA) was signed.",
	    "Northern Grain Accord/agreement", "typed by its head noun");
	expect_candidates("The Estonia-Oman Joint Border Committee (JBC) met.",
	    "Estonia-Oman Joint Border Committee/organization",
	    "the pair of states before the name widens it, not the abbreviation");
	expect_mentions("The Northern Pact Organization (NPO) met.",
	    "Northern Pact Organization=Northern Pact Organization; Northern Pact Organization=NPO",
	    "a known name and abbreviation stay the known entity's");
	expect_mentions("Officials said the Baltic Grain Union (BGTU) met. BGTU left.",
	    "Baltic Grain Union=Baltic Grain Union",
	    "letters that do not match the words make no abbreviation");
	expect_candidates("He met traders of the Port (PT) today.", "",
	    "fewer capitalized words than letters make no name");
}

/* A known person spelled in the article's own letters and case, with
 * no title or verb around the name. */
static void
test_people_in_other_scripts(void)
{
	expect_mentions("Министры встретились с Ханной Велль в Таллине.", "Hanna Vell=Ханной Велль; Таллине=Таллине",
	    "a name in the instrumental, no title (Russian)");
	expect_mentions("Встречу провел Хаакон Велль.", "",
	    "another first name is another person");
	expect_mentions("На встрече была Ханна Велль. Велль ушла рано.",
	    "Hanna Vell=Ханна Велль; Hanna Vell=Велль", "the surname alone later");
	expect_mentions("Հանդիպմանը ներկա էր Հաննա Վելը։", "Hanna Vell=Հաննա Վելը",
	    "a name with the article -ը (Armenian)");
	expect_mentions("Совещание провела Северная Лига.", "",
	    "two capitalized words that are nobody's name");
	expect_mentions("Заявил министр по делам Северной Ханна Велль.", "Hanna Vell=Ханна Велль",
	    "what a title is for, capitalized, is no part of the known name after it");
	expect_candidates("FM Mart Kask says the talks will go on.", "Mart Kask/person",
	    "an abbreviation in capitals before a name is no part of it");
	expect_candidates("FM Kask says the talks will go on.", "",
	    "an abbreviation and a surname alone make no full name");
	expect_mentions("Hanna Vellin kabinet met.", "",
	    "in a language without case endings only the aliases count");
}

/* Events named by a capitalized head of negotiation, a genocide after
 * its place, and the words of an event's name before its place. */
static void
test_described_events(void)
{
	expect_candidates("Delegates returned to the Muscat Harbour Talks in May.",
	    "Muscat Harbour Talks/event", "a capitalized round of talks is an event");
	expect_candidates("Delegates praised the Northern Format today.", "Northern Format/event",
	    "a format named by its head");
	expect_candidates("They discussed the talks in May.", "",
	    "lower-case talks make no event by themselves");
	expect_mentions("Survivors of the Muscat genocide spoke.", "Muscat genocide=Muscat genocide",
	    "a genocide after its place");
	expect_mentions("Xocalı-da yox, Muscat soyqırımı anıldı.", "Muscat soyqırımı=Muscat soyqırımı",
	    "a genocide after its place (Azerbaijani)");
	expect_mentions("Leaders met at the Global Muscat Forum.",
	    "Global Muscat Forum=Global Muscat Forum",
	    "capitalized words before the place belong to the event's name");
	expect_mentions("Nazirlər VIII Qlobal Muscat Forumunda çıxış ediblər.",
	    "VIII Qlobal Muscat Forumunda=VIII Qlobal Muscat Forumunda",
	    "an edition's Roman numeral, not the sentence's first word (Azerbaijani)");
	expect_candidates("Both sides recalled the 12-day war.", "12-day war/event",
	    "a war told by its length");
	expect_candidates("Стороны вспомнили итоги 44-дневной войны.", "44-дневной войны/event",
	    "a war told by its length (Russian)");
	expect_candidates("Tərəflər 44 günlük müharibəni xatırladı.", "44 günlük müharibəni/event",
	    "a war told by its length, a space before the measure (Azerbaijani)");
	expect_candidates("They set a 12-day deadline.", "", "a length before another noun is no event");
}

/* A news outlet cited for what follows, by the words around its name. */
static void
test_cited_outlets(void)
{
	expect_candidates("\xE2\x80\x9CŞimal Xəbər\xE2\x80\x9D xəbər verir ki, danışıqlar davam edir.",
	    "Şimal Xəbər/organization", "an outlet in quotation marks before \"xəbər verir\" (Azerbaijani)");
	expect_candidates("Danışıqlar davam edir, Xəbərçi xəbər verib.", "Xəbərçi/organization",
	    "one capitalized word before \"xəbər verib\" (Azerbaijani)");
	expect_candidates("\"Xəbərçi\"nin məlumatına görə, nazir gəlib.", "Xəbərçi/organization",
	    "an outlet with a case ending after its quotation mark (Azerbaijani)");
	expect_candidates("Переговоры продолжатся, сообщает \xC2\xABСеверный вестник\xC2\xBB.",
	    "Северный вестник/organization", "an outlet in quotation marks after the verb (Russian)");
	expect_candidates("Переговоры продолжатся, пишет Vestnik.", "Vestnik/organization",
	    "one word in Latin letters after the verb (Russian)");
	expect_candidates("Об этом пишет Иван Петров в своей колонке.", "",
	    "two capitalized words after the verb may be a person: no outlet");
	expect_candidates("Danışıqlar davam edir, bunu nazir xəbər verib.", "",
	    "a lower-case word before the phrase is no outlet");
}

/* People introduced by a role in lower case, names with particles as
 * Russian spells them, a surname that is also a place's name, and a
 * name's inflection only where the text capitalizes it. */
static void
test_roles_and_particles(void)
{
	expect_candidates("The bill's author, lawmaker Mart Kask, spoke.", "Mart Kask/person",
	    "a role in lower case before a full name");
	expect_candidates("The bill's author, lawmaker Kask, spoke.", "",
	    "a role before one word makes no person");
	expect_candidates("Об этом рассказал депутат парламента Яан Тамм.", "Яан Тамм/person",
	    "a role and its complement before the name (Russian)");
	expect_candidates("Հայտարարել է պատգամավոր Մարտ Կասկը։", "Մարտ Կասկը/person",
	    "a role before the name (Armenian)");
	expect_candidates("Прибыл министр иностранных дел России Салем аш-Шамси.",
	    "Салем аш-Шамси/person", "an Arabic article as Russian spells it joins the name");
	expect_candidates("The talks began under President Mart Muscat, who left.",
	    "Mart Muscat/person", "a place's name ending a titled person's name is the surname");
	expect_mentions("The talks began under President Mart Muscat, who left.",
	    "Mart Muscat=Mart Muscat", "and no mention of the place");
	expect_mentions("Делегация прибыла в Армении вчера.", "Armenia=Армении",
	    "a name's inflection, capitalized");
	expect_mentions("Делегация прибыла в армении вчера.", "",
	    "a word every alias capitalizes is no inflection of it in lower case");
	expect_candidates("The UN envoy for Estonia Mart Kask arrived.", "Mart Kask/person",
	    "a title's complement of \"for\" and a known state before the name");
	expect_candidates("The UN envoy for Estonia Kask arrived.", "",
	    "a title's complement and one word make no person");
	expect_candidates("Şimal Xəbər xəbər verir ki, danışıqlar davam edir.",
	    "Şimal Xəbər/organization", "an outlet's name of two words before the phrase");
	expect_mentions("Мир на Северном Полюсе и в Северной Гавани.",
	    "North Pole=Северном Полюсе; North Harbour=Северной Гавани",
	    "a stem two phrases' first words share: the one the next word goes on from");
}

/* Names the rules for outlets, events told by their length, Roman
 * numerals and ranks before a name must not take. */
static void
test_shapes_that_are_no_names(void)
{
	expect_candidates("Автор пишет \xC2\xABмы согласны с планом\xC2\xBB.", "",
	    "a quotation opening in lower case after the verb is what was written");
	expect_candidates("Автор пишет \xC2\xABСевер и юг снова вместе\xC2\xBB.", "",
	    "a quotation longer than a name after the verb is no outlet");
	expect_candidates("Автор пишет \xC2\xABДоговор готов.\xC2\xBB", "",
	    "a quotation ending a sentence after the verb is no outlet");
	expect_candidates("Как пишет Орлов, переговоры будут долгими.", "",
	    "one capitalized word after the verb may be a surname: no outlet");
	expect_candidates("Как пишет СВН, переговоры будут долгими.", "СВН/organization",
	    "one word in capitals after the verb is an outlet");
	expect_candidates("A three-day summit opened in the capital.", "",
	    "a meeting told by its length is no named event");
	expect_candidates("A two-day summit recalled the 12-day war.", "12-day war/event",
	    "only the war told by its length is one");
	expect_mentions("CIVIL Muscat Forum delegates met.", "Muscat Forum=Muscat Forum",
	    "a word of Roman numerals' letters opening the sentence is no edition's numeral");
	expect_mentions("Nazirlər XXIV Qlobal Muscat Forumunda çıxış ediblər.",
	    "XXIV Qlobal Muscat Forumunda=XXIV Qlobal Muscat Forumunda",
	    "an edition's numeral of tens and units");
	expect_candidates("AJ Kask, a senior analyst, said the talks would go on.", "AJ Kask/person",
	    "a given name of two capitals is no rank");
	expect_candidates("PM Mart Kask says the talks will go on.", "Mart Kask/person",
	    "a rank of the list before a full name");
}

/* A wire story's place, date and credit, cut by the splitter into
 * sentences of their own, belong to the statement of the sentence after
 * them; a short sentence with a word in lower case that is no month
 * after its day, or a lone word naming nothing, is no such piece, nor is
 * one in the middle of a paragraph. */
static void
test_dateline_pieces(void)
{
	expect_statements("TALLINN. Hanna Vell said on Thursday that aid would go on.",
	    "Hanna Vell: TALLINN. Hanna Vell said on Thursday that aid would go on.",
	    "a place in capitals opening the paragraph");
	expect_statements("Москва. 19 января. Сергей Лавров заявил, что переговоры продолжатся.",
	    "Sergey Lavrov: Москва. 19 января. Сергей Лавров заявил, что переговоры продолжатся.",
	    "a place and a date opening the paragraph (Russian)");
	expect_statements("TALLINN. Jan. 19 (AP) \xE2\x80\x94 Hanna Vell said aid would go on.",
	    "Hanna Vell: TALLINN. Jan. 19 (AP) \xE2\x80\x94 Hanna Vell said aid would go on.",
	    "a place, a date and a credit opening the paragraph");
	expect_statements("SUKHUM. Hanna Vell said aid would go on.\nOtto Vell said the same.",
	    "Hanna Vell: SUKHUM. Hanna Vell said aid would go on. | Otto Vell: Otto Vell said the same.",
	    "the dateline belongs to the first paragraph's statement only");
	expect_statements("Lavrov landed in Baku. Bayramov said the talks would go on.",
	    "Jeyhun Bayramov: Bayramov said the talks would go on.",
	    "a short sentence with no number and no word in capitals is no dateline");
	expect_statements("The talks ended late. TALLINN. Hanna Vell said aid would go on.",
	    "Hanna Vell: Hanna Vell said aid would go on.",
	    "a piece in the middle of a paragraph is no dateline");
	expect_statements("Talks ended.\nTALLINN. Hanna Vell said aid would go on.",
	    "Hanna Vell: TALLINN. Hanna Vell said aid would go on.",
	    "a dateline opening the second paragraph");
	expect_statements("NATO grew. Hanna Vell said the alliance was stronger.",
	    "Hanna Vell: Hanna Vell said the alliance was stronger.",
	    "a short sentence with a verb in lower case is no dateline, an acronym before it");
	expect_statements("Prices rose 7 percent. Hanna Vell said the state would act.",
	    "Hanna Vell: Hanna Vell said the state would act.",
	    "a short sentence with a verb in lower case is no dateline, a number in it");
	expect_statements("Thanks. Hanna Vell said the state would act.",
	    "Hanna Vell: Hanna Vell said the state would act.",
	    "a lone capitalised word naming nothing is no dateline");
	expect_statements("Baku. Hanna Vell said the state would act.",
	    "Hanna Vell: Baku. Hanna Vell said the state would act.",
	    "a lone place name opening the paragraph is a dateline");
}

/* Direct speech with no quotation marks, closed by a comma and a dash
 * before the reporting verb, runs back to its paragraph's start; without
 * the dash, or across a paragraph break or an earlier statement, it does
 * not. */
static void
test_speech_before_a_dash(void)
{
	expect_statements("Переговоры идут трудно. Решение есть, \xE2\x80\x94 заявил Сергей Лавров.",
	    "Sergey Lavrov: Переговоры идут трудно. Решение есть, \xE2\x80\x94 заявил Сергей Лавров.",
	    "speech closed by a comma and a dash runs back to the paragraph's start (Russian)");
	expect_statements("Мы готовы ждать. Но не вечно! \xE2\x80\x94 сказал Сергей Лавров.",
	    "Sergey Lavrov: Мы готовы ждать. Но не вечно! \xE2\x80\x94 сказал Сергей Лавров.",
	    "speech closed by an exclamation mark and a dash (Russian)");
	expect_statements("Переговоры идут трудно. Решение есть, заявил Сергей Лавров.",
	    "Sergey Lavrov: Решение есть, заявил Сергей Лавров.",
	    "a comma without a dash: the sentence alone (Russian)");
	expect_statements("Переговоры идут трудно.\nРешение есть, \xE2\x80\x94 заявил Сергей Лавров.",
	    "Sergey Lavrov: Решение есть, \xE2\x80\x94 заявил Сергей Лавров.",
	    "the speech stops at the paragraph's start (Russian)");
	expect_statements("Сергей Лавров заявил, что переговоры идут трудно. Решение есть, \xE2\x80\x94 "
	    "добавил он.",
	    "Sergey Lavrov: Сергей Лавров заявил, что переговоры идут трудно. | "
	    "Sergey Lavrov: Решение есть, \xE2\x80\x94 добавил он.",
	    "the speech stops at the statement before it (Russian)");
	expect_statements("Բանակցությունները դժվար են ընթանում։ Լուծում կա, \xE2\x80\x94 ասել է Կարեն Ավետիսյանը։",
	    "Karen Avetisyan: Բանակցությունները դժվար են ընթանում։ Լուծում կա, \xE2\x80\x94 ասել է "
	    "Կարեն Ավետիսյանը։",
	    "speech closed by a comma and a dash runs back to the paragraph's start (Armenian)");
	expect_statements("Danışıqlar çətin gedir. Həll var, \xE2\x80\x94 deyə Bayramov bildirib.",
	    "Jeyhun Bayramov: Danışıqlar çətin gedir. Həll var, \xE2\x80\x94 deyə Bayramov bildirib.",
	    "speech closed by a comma and a dash before \"deyə\" (Azerbaijani)");
}

/* A paragraph after the first that repeats the article's title (a page
 * printing its headline again over the text) is no one's statement; the
 * first paragraph always speaks, since a plain-text file, a page without
 * a title or a feed item whose description is its title has its title
 * made from it. */
static void
test_title_repeated(void)
{
	const char *title = "Lavrov says talks will resume in March";

	expect_titled_statements(title, "Talks on the border went on in Baku on Tuesday.\n"
	    "Lavrov says talks will resume in March\n"
	    "Lavrov said on Tuesday that the talks would resume in March.",
	    "Sergey Lavrov: Lavrov said on Tuesday that the talks would resume in March.",
	    "a paragraph repeating the title reports nothing");
	expect_titled_statements(title, "Talks on the border went on in Baku on Tuesday.\n"
	    "Lavrov says talks will resume in March.\n"
	    "Lavrov said on Tuesday that the talks would resume in March.",
	    "Sergey Lavrov: Lavrov said on Tuesday that the talks would resume in March.",
	    "nor with a stop after it");
	expect_titled_statements("Сергей Лавров заявил о возобновлении переговоров",
	    "Переговоры прошли в Баку.\nСергей Лавров заявил о возобновлении переговоров.\n"
	    "Сергей Лавров заявил, что переговоры продолжатся.",
	    "Sergey Lavrov: Сергей Лавров заявил, что переговоры продолжатся.",
	    "a paragraph repeating the title reports nothing (Russian)");
	expect_titled_statements(title, "Talks on the border went on in Baku on Tuesday.\n"
	    "Lavrov says talks will resume in March, not in May.\n"
	    "Lavrov said on Tuesday that the talks would resume in March.",
	    "Sergey Lavrov: Lavrov says talks will resume in March, not in May. | "
	    "Sergey Lavrov: Lavrov said on Tuesday that the talks would resume in March.",
	    "a paragraph that goes on past the title is a statement");
	/* a plain-text file whose first line is its lead */
	expect_titled_statements("Lavrov said the talks in Baku went well.",
	    "Lavrov said the talks in Baku went well.\n\nBayramov said the border would stay open.",
	    "Sergey Lavrov: Lavrov said the talks in Baku went well. | "
	    "Jeyhun Bayramov: Bayramov said the border would stay open.",
	    "the first paragraph that gave the title still speaks");
	/* a page without a title, its first paragraph taken for one */
	expect_titled_statements("Lavrov said the talks in Baku went well",
	    "Lavrov said the talks in Baku went well\nBayramov said the border would stay open.",
	    "Sergey Lavrov: Lavrov said the talks in Baku went well | "
	    "Jeyhun Bayramov: Bayramov said the border would stay open.",
	    "the first paragraph equal to the title without its stop still speaks");
	/* a feed item whose description is its title and nothing more */
	expect_titled_statements("Lavrov said the talks in Baku went well.",
	    "Lavrov said the talks in Baku went well.",
	    "Sergey Lavrov: Lavrov said the talks in Baku went well.",
	    "a lone paragraph equal to the title still speaks");
}

static void
test_places_after_prepositions(void)
{
	expect_candidates("Переговоры прошли в Сухуме на прошлой неделе.", "Сухуме/place",
	    "a Russian name after \"в\" is a place, as written");
	expect_candidates("Запись выложили в Youtube вчера.", "",
	    "a name in Latin letters after \"в\" is no place");
	expect_candidates("Talks were held in Сухуме last week.", "",
	    "a name in Cyrillic after \"in\" is no place");
}

/* A foreign name in Russian letters, spelled as Russian transcribes it
 * rather than by the usual romanization's reverse. */
static void
test_foreign_names_transcribed(void)
{
	expect_mentions("Встреча прошла с Маджидом Табризи вчера.", "Majid Tabrizi=Маджидом Табризи",
	    "Russian \"дж\" for the j of a Latin name, with a case ending");
	expect_mentions("Вчера выступил Джейхун Байрамов.", "Jeyhun Bayramov=Джейхун Байрамов",
	    "\"дж\" for j and \"х\" for h in one name");
	expect_mentions("Заявление сделал Кирилл Воронцов.", "",
	    "a surname with a letter more is another person's");
	expect_mentions("Встреча прошла с Маджидом Тавризи вчера.", "",
	    "a consonant of another sound is another name");
}

/* Agreements and wars named by description, resolved to the knowledge
 * base's one that fits (extract-resolve.c). */
static void
test_descriptions_resolved(void)
{
	expect_mentions("Estonia and Oman met. The 44-day war ended long ago.",
	    "Estonia=Estonia; Oman=Oman; First Estonia-Oman War=44-day war",
	    "a war told by its length: the one of the article's states that lasted so long");
	expect_mentions("Estonia and Oman met. Both recalled the 2021 war.",
	    "Estonia=Estonia; Oman=Oman; Second Estonia-Oman War=2021 war",
	    "a war told by its year");
	expect_mentions("Estonia and Oman met. Both recalled the war of 2019.",
	    "Estonia=Estonia; Oman=Oman; First Estonia-Oman War=war of 2019",
	    "the year after the war");
	expect_mentions("Estonia and Oman met. Both recalled the 2020 war.",
	    "Estonia=Estonia; Oman=Oman",
	    "no war of that year: nothing");
	expect_mentions("Armenia and Azerbaijan met. Both recalled the 2021 war.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan",
	    "no war of the article's states: nothing");
	expect_mentions("Estonia and Oman met. Estonia and Oman kept the Russian-brokered truce.",
	    "Estonia=Estonia; Oman=Oman; Estonia=Estonia; Oman=Oman; Muscat truce=Russian-brokered truce",
	    "a broker named, the sides the article's: the latest truce before the article");
	expect_mentions("Estonia and Oman met. Estonia and Oman kept the Omani-brokered truce.",
	    "Estonia=Estonia; Oman=Oman; Estonia=Estonia; Oman=Oman; Tallinn truce=Omani-brokered truce",
	    "the broker is a side: the latest truce of the sides");
	expect_mentions("Armenia and Azerbaijan met. They kept the Omani-brokered truce.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Oman=Omani",
	    "no truce of the broker and the sides: nothing");
	expect_mentions("Armenia and Azerbaijan met. They kept the 2020 ceasefire agreement.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Ceasefire statement=2020 ceasefire agreement",
	    "a ceasefire told by its year");
	expect_candidates("Estonia and Oman met. They kept the 2021 ceasefire agreement.",
	    "2021 ceasefire agreement/agreement",
	    "two truces of that year: the description stays a found name");
	expect_candidates("Estonia and Oman met. They kept the 2021 peace agreement.",
	    "2021 peace agreement/agreement",
	    "a truce is no peace agreement: the description stays a found name");
}

/* What a description cannot say resolves to nothing: a kind of
 * agreement it does not name, a text not yet agreed, a count that is no
 * year, a length in words. */
static void
test_descriptions_unresolved(void)
{
	expect_mentions("Estonia and Oman met. They discussed the trade deal.",
	    "Estonia=Estonia; Oman=Oman; trade deal=trade deal",
	    "a deal of no agreement kind is no agreement of the knowledge base");
	expect_mentions("Estonia and Oman met. They weighed the latest ceasefire proposal.",
	    "Estonia=Estonia; Oman=Oman; latest ceasefire proposal=latest ceasefire proposal",
	    "a proposal is no agreement made");
	expect_mentions("Estonia and Oman met. They hope for a new ceasefire agreement.",
	    "Estonia=Estonia; Oman=Oman; new ceasefire agreement=new ceasefire agreement",
	    "a new ceasefire agreement is none made before");
	expect_mentions("Estonia and Oman met. About 3000 war veterans marched.",
	    "Estonia=Estonia; Oman=Oman",
	    "a number that can be no year names no war");
	expect_mentions("Estonia and Oman met. About 2021 war veterans marched.",
	    "Estonia=Estonia; Oman=Oman",
	    "a count that could be a year, not after \"the\", names no war");
	expect_mentions("Estonia and Oman met. Both recalled the 2021's war.",
	    "Estonia=Estonia; Oman=Oman; Second Estonia-Oman War=2021's war",
	    "a year's war");
	expect_mentions("Estonia and Oman met. Both recalled the war of 3000.",
	    "Estonia=Estonia; Oman=Oman",
	    "a year after the article's names no war of the knowledge base");
	expect_mentions("Estonia and Oman met. The two-week war ended long ago.",
	    "Estonia=Estonia; Oman=Oman; two-week war=two-week war",
	    "a length in words is not read: no war taken for it");
}

/* A body after "в" is no place: its compound name's last part, its
 * capitals, or its speaking in the article. */
static void
test_bodies_after_prepositions(void)
{
	expect_candidates("Вопрос обсудят в Роскосмосе на следующей неделе.", "",
	    "a compound name ending in a body's part is no place (Russian)");
	expect_candidates("Документы передали в ФСИН вчера.", "",
	    "a name in capitals after \"в\" is no place");
	expect_candidates("Цены обсудили в Зеленторге. Зеленторг сообщил о новых ценах.", "",
	    "the same name speaking elsewhere in the article is a body");
	expect_candidates("Делегация прибудет в Сухум во вторник. Переговоры пройдут в Сухуме.",
	    "Сухум/place; Сухуме/place",
	    "a place that does not speak stays a place");
}

/* "В X заявили" is people in X speaking: X stays a place; only X
 * speaking as a subject, or a body's shape, makes it a body. */
static void
test_speakers_in_places(void)
{
	expect_candidates("Делегация прибыла в Зарамаг. В Зарамаге заявили, что ждут гостей.",
	    "Зарамаг/place; Зарамаге/place",
	    "people speaking in a place leave it a place");
	expect_candidates("Цены обсудили в Зеленторге. В Зеленторге заявили, что цены не изменятся.",
	    "Зеленторге/place",
	    "\"в X заявили\" alone does not make X a body");
	expect_candidates("Делегация прибыла в Зарамаг. Зарамаг заявил, что ждет гостей.", "",
	    "a name speaking as a subject is a body");
	expect_candidates("Вопрос обсудят в Роскосмосе. В Роскосмосе заявили, что готовы.", "",
	    "a compound name ending in a body's part stays no place when people speak in it");
}

/* A year narrows a description: a word between "the" and the year, a
 * state's possessive before it, a noun after the war word, and an
 * agreement's year without its kind. */
static void
test_years_of_descriptions(void)
{
	expect_mentions("Estonia and Oman met. Both recalled the bloody 2021 war.",
	    "Estonia=Estonia; Oman=Oman; Second Estonia-Oman War=2021 war",
	    "an adjective between \"the\" and the year");
	expect_mentions("Estonia and Oman met. Both recalled Oman's 2021 war.",
	    "Estonia=Estonia; Oman=Oman; Oman=Oman; Second Estonia-Oman War=2021 war",
	    "a state's possessive before the year");
	expect_mentions("Estonia and Oman met. They honoured the 2021 war veterans.",
	    "Estonia=Estonia; Oman=Oman; Second Estonia-Oman War=2021 war",
	    "the veterans of a war named by its year name the war");
	expect_mentions("Estonia and Oman met. About 2021 war veterans marched.",
	    "Estonia=Estonia; Oman=Oman",
	    "a count before the war word, after no article, is still no year");
	expect_mentions("Serbia and Kosovo met. They recalled the 2013 accord.",
	    "Serbia=Serbia; Kosovo=Kosovo; Belgrade-Pristina agreement=2013 accord",
	    "an agreement of no kind word with its year is the one of that year that fits");
	expect_mentions("Serbia and Kosovo met. They discussed the trade accord.",
	    "Serbia=Serbia; Kosovo=Kosovo; trade accord=trade accord",
	    "an agreement of no kind word and no year is none of the knowledge base");
}

/* A place of the knowledge base that an event's name takes in after its
 * noun is named there too; where the place begins the name, the store's
 * one mention at a start is the event's. */
static void
test_places_inside_events(void)
{
	expect_mentions("Talks on the war in Muscat went on.",
	    "war in Muscat=war in Muscat; Muscat=Muscat",
	    "the place of \"the war in X\" is a mention of its own");
	expect_mentions("Talks on the Muscat war went on.", "Muscat war=Muscat war",
	    "the place that begins the event's name leaves its start to the event");
	expect_mentions("Talks on the Estonia-Oman war went on.",
	    "Estonia-Oman war=Estonia-Oman war; Oman=Oman",
	    "the second of a pair of states is named in the war");
	expect_mentions("They recalled the First Estonia-Oman War.",
	    "First Estonia-Oman War=First Estonia-Oman War; Estonia=Estonia; Oman=Oman",
	    "the states in an event's name of the knowledge base are named");
	expect_mentions("Serbia recalled the Belgrade-Pristina agreement.",
	    "Serbia=Serbia; Belgrade-Pristina agreement=Belgrade-Pristina agreement; "
	    "Kosovo=Pristina",
	    "a capital in an agreement's name names its state; the first word's start is the "
	    "agreement's");
}

/* A statement or declaration three states signed, named by its date or
 * by being three parties', in an article with a date and in one
 * without: the same text either way. */
static void
test_joint_statements(void)
{
	static const char *const dates[] = { "2023-05-26", NULL };
	char what[160];
	size_t i;

	for (i = 0; i < ARRAY_LEN(dates); i++) {
		article_date = dates[i];
		snprintf(what, sizeof what, "no date said: the first text of its parties, not the "
		    "latest (%s)", dates[i] ? dates[i] : "no article date");
		expect_mentions("Armenia, Azerbaijan and Russia met. They recalled the trilateral statement.",
		    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
		    "Ceasefire statement=trilateral statement", what);
		snprintf(what, sizeof what, "a month and day without a year: the year of the text of "
		    "that day (%s)", dates[i] ? dates[i] : "no article date");
		expect_mentions("Armenia, Azerbaijan and Russia met. They recalled the trilateral "
		    "declaration of November 9.",
		    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
		    "Ceasefire statement=trilateral declaration", what);
		snprintf(what, sizeof what, "the day names a later text of the same parties (%s)",
		    dates[i] ? dates[i] : "no article date");
		expect_mentions("Armenia, Azerbaijan and Russia met. They recalled the trilateral "
		    "statement of 31 October.",
		    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
		    "Autumn statement=trilateral statement", what);
	}
	article_date = "2023-05-26";
	expect_mentions("Armenia, Azerbaijan and Russia met. Peacekeepers came under the trilateral "
	    "statement signed by the leaders of Armenia, Russia, and Azerbaijan on November 10, 2020.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=trilateral statement; Armenia=Armenia; Russia=Russia; "
	    "Azerbaijan=Azerbaijan",
	    "the date after \"signed\" and its signers; the second day of the night of 9-10 November");
	expect_mentions("Armenia, Azerbaijan and Russia met. Они вспомнили заявления от 9 ноября "
	    "2020 года о прекращении огня.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=заявления от 9 ноября 2020",
	    "a statement without \"trilateral\", by its day, month and year in Russian");
	expect_mentions("Armenia, Azerbaijan and Russia met. The trilateral statement of "
	    "November 9, 2021 was read out.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "the day said is no text's: nothing, not the month's other one");
	expect_mentions("Armenia, Azerbaijan and Russia met. The Russian statement of 9 November "
	    "was short.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; Russia=Russian",
	    "a statement of one state by its day is that state's, though a joint text has that day");
	expect_mentions("Armenia, Azerbaijan and Russia met. Their foreign ministers read a "
	    "statement.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "a statement with neither \"trilateral\" nor a day is no joint text");
	expect_mentions("Azerbaijan hosted the foreign ministers of Estonia and Oman in Baku. "
	    "Azerbaijan said the trilateral declaration adopted in Baku deepens cooperation.",
	    "Azerbaijan=Azerbaijan; Estonia=Estonia; Oman=Oman; Azerbaijan=Baku; "
	    "Azerbaijan=Azerbaijan; Caspian declaration=trilateral declaration; Azerbaijan=Baku",
	    "a three-party text of other states is theirs, not Armenia's, Azerbaijan's and Russia's");
	expect_mentions("Azerbaijan hosted Estonia and Oman. Armenia and Russia were not there. "
	    "Azerbaijan, Estonia and Oman adopted a trilateral declaration of November 9.",
	    "Azerbaijan=Azerbaijan; Estonia=Estonia; Oman=Oman; Armenia=Armenia; Russia=Russia; "
	    "Azerbaijan=Azerbaijan; Estonia=Estonia; Oman=Oman; "
	    "Caspian declaration=trilateral declaration",
	    "every party named, but the sentence names states outside the 2020 one: the other trio's");
	expect_mentions("Armenia, Azerbaijan and Russia met. Tərəflər 10 noyabr 2020-ci il tarixli "
	    "üçtərəfli bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=10 noyabr 2020-ci il tarixli üçtərəfli bəyanatı",
	    "an Azerbaijani date before the name, three parties said");
	expect_mentions("Armenia, Azerbaijan and Russia met. Tərəflər 10 noyabr 2020-ci il tarixli "
	    "bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=10 noyabr 2020-ci il tarixli bəyanatı",
	    "an Azerbaijani date before the name: its day names the joint text");
	expect_mentions("Armenia, Azerbaijan and Russia met. Կողմերը հիշեցին 2020 թվականի "
	    "նոյեմբերի 9-ի հայտարարությունը։",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=2020 թվականի նոյեմբերի 9-ի հայտարարությունը",
	    "an Armenian date before the name, its day after the month");
	expect_mentions("Armenia, Azerbaijan and Russia met. Tərəflər 31 oktyabr tarixli üçtərəfli "
	    "bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Autumn statement=31 oktyabr tarixli üçtərəfli bəyanatı",
	    "a day and month before the name, no year: the text of that day");
	expect_mentions("Armenia, Azerbaijan and Russia met. Tərəflər 10 noyabr 2021-ci il tarixli "
	    "bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "a date before the name that is no joint text's: nothing");
	expect_mentions("Armenia, Azerbaijan and Russia met. 2020 il, 10 noyabr: bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "a date parted from the name by other words is not its date");
	article_date = "2020-06-01";
	expect_mentions("Armenia, Azerbaijan and Russia met. They recalled the trilateral statement.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "no text of its parties before the article's date: nothing");
	article_date = "2023-01-20";
}

/* The title's mentions of an article with BODY titled TITLE, as
 * "name=words; ...", and how many statements the body makes. */
static char *
title_mentions(const char *body, const char *title, size_t *nstatements)
{
	struct extract_result r;
	struct arena a;
	struct buf b;
	size_t i;

	run_titled(body, title, &a, &r);
	buf_init(&b);
	for (i = 0; i < r.ntitle_mentions; i++)
		buf_printf(&b, "%s%s=%.*s", i ? "; " : "", name_of(&r, r.title_mentions[i].entity),
		    (int)(r.title_mentions[i].end - r.title_mentions[i].start),
		    title + r.title_mentions[i].start);
	*nstatements = r.nstatements;
	arena_free(&a);
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

/* The title: the knowledge base's names in it (an agreement only when
 * the body names it or a party to it), the names the body found matched
 * again (the full name, the surname), no name from the title alone, and
 * no statement of its own. */
static void
test_title_mentions(void)
{
	static const char body[] = "Foreign Minister Tamsin Holloway arrived on Monday. "
	    "Holloway said the talks would last two days.";
	static const char with_party[] = "Foreign Minister Tamsin Holloway arrived in Estonia "
	    "on Monday. Holloway said the talks would last two days.";
	size_t n0, n1;
	char *got, *none;

	none = title_mentions(body, NULL, &n0);
	is_str(none, "", "no title, no title mentions");
	got = title_mentions(body, "Oman warns Tamsin Holloway over the Muscat truce", &n1);
	is_str(got, "Oman=Oman; Tamsin Holloway=Tamsin Holloway",
	    "the title's state and the body's found person; the truce, no party of it in the body, not");
	ok(n0 == n1 && n0 > 0, "the title makes no statement (%zu, %zu)", n0, n1);
	free(got);
	got = title_mentions(with_party, "Oman warns Tamsin Holloway over the Muscat truce", &n1);
	is_str(got, "Oman=Oman; Tamsin Holloway=Tamsin Holloway; Muscat truce=Muscat truce",
	    "an agreement in the title whose party the body names");
	free(got);
	got = title_mentions(body, "Varnholt Council Backs Holloway", &n1);
	is_str(got, "Tamsin Holloway=Holloway",
	    "the surname the body used; a capitalized name the title alone has is no mention");
	free(got);
	free(none);
}

/* A joint statement is not taken for one side's, for another of the
 * same parties, or for one of another date: the review of the first
 * rules' cases. */
static void
test_joint_statements_not_taken(void)
{
	const char *trio = "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia";
	char want[256];

	article_date = "2023-11-10";
	expect_mentions("Armenia, Azerbaijan and Russia met. In a statement on November 9, "
	    "Lavrov said little.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; Sergey Lavrov=Lavrov",
	    "a day without a year and without \"trilateral\" is this year's: no 2020 text");
	expect_mentions("Armenia, Azerbaijan and Russia met. В заявлении от 9 ноября Лавров "
	    "промолчал.",
	    trio, "the same in Russian");
	article_date = "2023-05-26";
	expect_mentions("Armenia, Azerbaijan and Russia met. Azerbaijan's statement of 9 November "
	    "2020 was a victory speech.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; Azerbaijan=Azerbaijan",
	    "a state's possessive before the statement: that state's");
	expect_mentions("Armenia, Azerbaijan and Russia met. Lavrov's statement of 9 November "
	    "2020 was short.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; Sergey Lavrov=Lavrov",
	    "a person's possessive before the statement: that person's");
	expect_mentions("Armenia, Azerbaijan and Russia met. Armenia cited the trilateral "
	    "statement of November.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; Armenia=Armenia",
	    "a month without a day two texts of the parties fit: neither");
	expect_mentions("Armenia, Azerbaijan and Russia met. The three ministers issued a "
	    "trilateral statement.", trio,
	    "\"a trilateral statement\" is a new one, not the first of its parties");
	expect_mentions("Armenia, Azerbaijan and Russia met. The latest trilateral statement "
	    "was short.", trio, "\"the latest trilateral statement\" is not the first");
	expect_mentions("Armenia, Azerbaijan and Russia met. The last trilateral statement "
	    "was short.", trio, "\"the last trilateral statement\" is not the first");
	snprintf(want, sizeof want, "%s; Muscat=Muscat", trio);
	expect_mentions("Armenia, Azerbaijan and Russia met. The Muscat trilateral statement "
	    "was short.", want, "a statement named after a place is that place's");
	expect_mentions("Armenia, Azerbaijan and Russia met. Tərəflər 2021-ci il 11 yanvar "
	    "tarixli üçtərəfli bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "January statement=2021-ci il 11 yanvar tarixli üçtərəfli bəyanatı",
	    "an Azerbaijani year before the day and month: that day's text, not the first");
	expect_mentions("Armenia, Azerbaijan and Russia met. Tərəflər 26 noyabr 2021-ci il "
	    "tarixli üçtərəfli bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "November statement=26 noyabr 2021-ci il tarixli üçtərəfli bəyanatı",
	    "an Azerbaijani date of another text of the same parties: that one");
	expect_mentions("Armenia, Azerbaijan and Russia met. Կողմերը հիշեցին 2021 թվականի "
	    "հունվարի 11-ի եռակողմ հայտարարությունը։",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "January statement=2021 թվականի հունվարի 11-ի եռակողմ հայտարարությունը",
	    "an Armenian date before the name: that day's text, not the first");
	expect_mentions("Armenia, Azerbaijan and Russia met. The trilateral statement signed by "
	    "the three leaders, which Azerbaijan says Armenia broke on November 26, 2021, is "
	    "still in force.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=trilateral statement; Azerbaijan=Azerbaijan; Armenia=Armenia",
	    "a date after a clause of its own after \"signed by\" is not the text's");
	expect_mentions("Armenia, Azerbaijan and Russia met. They recalled the trilateral "
	    "statement of 25-26 November.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "November statement=trilateral statement",
	    "the night of two days and its month read to the end, not the first text for want of it");
	article_date = "2025-08-09";
	expect_mentions("Armenia, Azerbaijan and Russia met. The trilateral statement signed at "
	    "the White House on Friday commits them to peace.", trio,
	    "a text signed on a day of the week is of the article's week, not the first");
	article_date = "2023-01-20";
}

/* A month's name is matched in the letter case its language writes it
 * in: Russian, Azerbaijani and Armenian months in lower case, so the
 * given names "Марта", "Мая", "Avqust", "Մայիս" are names; English ones
 * capitalized, so the verb "may" is no month. */
static void
test_months_and_given_names(void)
{
	expect_candidates("Вчера еврокомиссар Марта Кос заявила, что мир близок.", "Марта Кос/person",
	    "Russian: \"Марта\" capitalized is a given name, not March");
	expect_candidates("Вчера балерина Мая Плисецкая заявила, что устала.", "Мая Плисецкая/person",
	    "Russian: \"Мая\" capitalized is a given name, not May");
	expect_candidates("Deputat Avqust Məmmədov bildirib ki, sülh yaxındır.",
	    "Avqust Məmmədov/person", "Azerbaijani: \"Avqust\" capitalized is a given name");
	expect_candidates("Պատգամավոր Մայիս Ավագյանը հայտարարել է, որ խաղաղությունը մոտ է։",
	    "Մայիս Ավագյանը/person", "Armenian: \"Մայիս\" capitalized is a given name");
	expect_candidates("Марта Кос заявила, что мир близок.", "Марта Кос/person",
	    "Russian: \"Марта\" capitalized opening a sentence, no day after it, is a given name");
	expect_mentions("They recalled the accord signed in November 2020.",
	    "Ceasefire statement=accord signed in November 2020", "an English month capitalized");
	article_date = "2023-05-26";
	expect_mentions("Armenia, Azerbaijan and Russia met. The trilateral statement may not "
	    "survive the summer.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "Ceasefire statement=trilateral statement",
	    "the verb \"may\" in lower case is no month of the statement");
	article_date = "2023-01-20";
	expect_mentions("Armenia, Azerbaijan and Russia met. Նոյեմբերի 26-ի եռակողմ "
	    "հայտարարությունը կարևոր է։",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "November statement=Նոյեմբերի 26-ի եռակողմ հայտարարությունը",
	    "Armenian: a month opening a sentence capitalized is still the month");
	expect_mentions("Armenia, Azerbaijan and Russia met. Nazir deyib ki, noyabrın 26-da "
	    "imzalanmış üçtərəfli bəyanat vacibdir.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia; "
	    "November statement=noyabrın 26-da imzalanmış üçtərəfli bəyanat",
	    "Azerbaijani: a month in the genitive and a day in the locative");
	expect_mentions("Armenia, Azerbaijan and Russia met. Nazir noyabrın sonunda imzalanmış "
	    "üçtərəfli bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "a month before the name that is no day's: not the first text of the parties");
	expect_mentions("Armenia, Azerbaijan and Russia met. Nazir 26-cı gün imzalanmış "
	    "üçtərəfli bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "a day with its ending before the name, unread: not the first text of the parties");
	expect_mentions("Armenia, Azerbaijan and Russia met. Nazir NOYABRIN 26-DA imzalanmış "
	    "üçtərəfli bəyanatı xatırladı.",
	    "Armenia=Armenia; Azerbaijan=Azerbaijan; Russia=Russia",
	    "a month in capitals mid-sentence is no month read, but a date is there: nothing");
}

/* "this deal", "the ceasefire", "это соглашение", "bu razılaşma": the
 * agreement of its kind named last, a few sentences before at most. */
static void
test_agreements_named_again(void)
{
	expect_mentions("The accord signed in November 2020 holds. This deal works.",
	    "Ceasefire statement=accord signed in November 2020; Ceasefire statement=This deal",
	    "\"this deal\" after an agreement named by its date");
	expect_mentions("The accord signed in November 2020 holds. Nobody broke the ceasefire.",
	    "Ceasefire statement=accord signed in November 2020; Ceasefire statement=the ceasefire",
	    "\"the ceasefire\" after an agreement whose name says ceasefire");
	expect_mentions("Rights were set in the agreement signed between Belgrade and Pristina. "
	    "The ceasefire held.",
	    "Belgrade-Pristina agreement=agreement; Serbia=Belgrade; Kosovo=Pristina",
	    "\"the ceasefire\" is not an agreement whose names say no ceasefire");
	expect_mentions("Rights were set in the agreement signed between Belgrade and Pristina. "
	    "The statement was short.",
	    "Belgrade-Pristina agreement=agreement; Serbia=Belgrade; Kosovo=Pristina",
	    "\"the statement\" is not an agreement whose names say no statement");
	expect_mentions("The accord signed in November 2020 holds. One. Two. Three. Four. "
	    "The agreement works.",
	    "Ceasefire statement=accord signed in November 2020",
	    "an agreement named too many sentences before is not referred to");
	expect_mentions("The accord signed in November 2020 holds. One. Two. The deal works. "
	    "Three. Four. The treaty works.",
	    "Ceasefire statement=accord signed in November 2020; Ceasefire statement=The deal; "
	    "Ceasefire statement=The treaty",
	    "the bound counts from the agreement's last mention, \"the deal\" one too");
	expect_mentions("The accord signed in November 2020 holds. They kept the ceasefire regime.",
	    "Ceasefire statement=accord signed in November 2020",
	    "\"the ceasefire regime\" is the regime's, not the agreement named again");
	expect_mentions("The accord signed in November 2020 holds. Monitors say the ceasefire was "
	    "broken twice.",
	    "Ceasefire statement=accord signed in November 2020; Ceasefire statement=the ceasefire",
	    "\"the ceasefire\" before a verb is the agreement named again");
	expect_mentions("The accord signed in November 2020 holds. Troops left the ceasefire line.",
	    "Ceasefire statement=accord signed in November 2020",
	    "\"the ceasefire line\" is the line's, not the agreement named again");
	expect_mentions("Tərəflər atəşkəs haqqında razılaşma imzalayıb. Nazir deyir ki, bu atəşkəs "
	    "pozulub.",
	    "atəşkəs haqqında razılaşma=atəşkəs haqqında razılaşma; "
	    "atəşkəs haqqında razılaşma=bu atəşkəs",
	    "Azerbaijani: \"bu atəşkəs\" before a verb is the agreement named again");
	expect_mentions("Tərəflər atəşkəs haqqında razılaşma imzalayıb. Nazir deyir ki, bu atəşkəs "
	    "rejimi pozulub.",
	    "atəşkəs haqqında razılaşma=atəşkəs haqqında razılaşma",
	    "Azerbaijani: \"bu atəşkəs rejimi\" is the regime's");
	expect_mentions("This deal was not mentioned before.", "",
	    "\"this deal\" with no agreement named before it names nothing");
	expect_mentions("Стороны обсудили мирный договор. Это соглашение важно.",
	    "мирный договор=мирный договор; мирный договор=Это соглашение",
	    "Russian: \"это соглашение\" after a found agreement");
	expect_mentions("Стороны обсудили мирный договор. Затем подписали соглашение.",
	    "мирный договор=мирный договор",
	    "Russian: a bare noun with no determiner may be a new agreement");
	expect_mentions("Tərəflər sülh sazişini müzakirə etdi. Bu razılaşma vacibdir.",
	    "sülh sazişini=sülh sazişini; sülh sazişini=Bu razılaşma",
	    "Azerbaijani: \"bu razılaşma\"");
	expect_mentions("Կողմերը քննարկեցին խաղաղության պայմանագիրը։ Այդ համաձայնագիրը կարևոր է։",
	    "խաղաղության պայմանագիրը=խաղաղության պայմանագիրը; "
	    "խաղաղության պայմանագիրը=Այդ համաձայնագիրը",
	    "Armenian: \"այդ համաձայնագիրը\"");
	expect_mentions("The accord signed in November 2020 holds. This plan works.",
	    "Ceasefire statement=accord signed in November 2020",
	    "\"this plan\" is a text not yet agreed, not the agreement");
}

int
main(void)
{
	char *dir = xstrdup(path_data_dir()), *abbrev = path_data_file("abbrev.txt");

	kb = kb_new();
	kb_parse(kb, "test", kb_text, sizeof kb_text - 1, KB_ORIGIN_KB, NULL, NULL);
	kb_resolve(kb, NULL, NULL);
	if (extractor_new(kb, dir, &ex) != 0 || text_rules_load(abbrev, &rules) != 0)
		tap_bail("%s", err_msg());
	test_matcher();
	test_agreements();
	test_candidates();
	test_statements();
	test_speakers();
	test_found_speakers();
	test_more_speakers();
	test_groups_and_forms();
	test_described_names();
	test_found_people();
	test_abbreviations();
	test_people_in_other_scripts();
	test_described_events();
	test_cited_outlets();
	test_roles_and_particles();
	test_shapes_that_are_no_names();
	test_dateline_pieces();
	test_speech_before_a_dash();
	test_title_repeated();
	test_places_after_prepositions();
	test_foreign_names_transcribed();
	test_descriptions_resolved();
	test_descriptions_unresolved();
	test_bodies_after_prepositions();
	test_speakers_in_places();
	test_years_of_descriptions();
	test_places_inside_events();
	test_joint_statements();
	test_title_mentions();
	test_agreements_named_again();
	test_months_and_given_names();
	test_joint_statements_not_taken();
	extractor_free(ex);
	text_rules_free(rules);
	kb_free(kb);
	free(dir);
	free(abbrev);
	return tap_done();
}
