"""Language detection on news openings written for these tests in each supported language."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from framing.analysers.language import LATIN_LANGUAGES, Language, detect_language
from framing.corpus import load_corpus

from ..conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE

# Openings of news reports, written for these tests (realistic, not copied).
NEWS_OPENINGS = {
    "es": (
        "El Gobierno de Venezuela anunció este martes que suspenderá las negociaciones con la "
        "oposición hasta que se aclaren las acusaciones de espionaje, según informó el ministro "
        "de Comunicación en una rueda de prensa en Caracas. La decisión llega después de varias "
        "semanas de tensión entre las dos delegaciones, que se habían reunido en Barbados."
    ),
    "pt": (
        "O governo brasileiro anunciou nesta terça-feira que vai aumentar o investimento em "
        "energia solar nos próximos dois anos, segundo o ministro de Minas e Energia. A medida, "
        "que ainda precisa ser aprovada pelo Congresso, foi criticada por representantes do "
        "setor do petróleo, que não foram consultados durante a elaboração do plano."
    ),
    "fr": (
        "Le gouvernement a présenté mercredi un projet de loi sur l'immigration qui prévoit de "
        "durcir les conditions d'accès aux titres de séjour, a annoncé le ministre de "
        "l'Intérieur. Le texte, qui sera examiné au Sénat dès le mois prochain, suscite déjà "
        "de vives critiques dans les rangs de la gauche et chez les associations."
    ),
    "de": (
        "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzprogramm vorgestellt, das den "
        "Ausstoß von Treibhausgasen bis zum Ende des Jahrzehnts deutlich senken soll. Nach "
        "Angaben des Wirtschaftsministeriums sind dafür Investitionen in Höhe von mehreren "
        "Milliarden Euro vorgesehen, die vor allem in den Ausbau der Stromnetze fließen."
    ),
    "it": (
        "Il governo italiano ha approvato ieri sera il decreto sulle pensioni, che prevede "
        "l'aumento dell'età minima per chi non ha ancora compiuto sessant'anni. Secondo il "
        "ministro dell'Economia, la misura permetterà di risparmiare circa due miliardi di euro "
        "nel prossimo anno, ma i sindacati hanno già annunciato uno sciopero generale."
    ),
    "nl": (
        "Het kabinet heeft dinsdag bekendgemaakt dat de huurprijzen in de vrije sector vanaf "
        "volgend jaar aan een maximum worden gebonden. Volgens de minister van Volkshuisvesting "
        "is de maatregel nodig omdat steeds meer huurders een te groot deel van hun inkomen "
        "aan wonen kwijt zijn. Verhuurders noemen het plan onuitvoerbaar."
    ),
    "sv": (
        "Regeringen meddelade på tisdagen att den kommer att skärpa reglerna för "
        "arbetskraftsinvandring från och med nästa år. Enligt migrationsministern ska kravet "
        "på lön höjas, och de som inte uppfyller det kommer att behöva lämna landet. "
        "Oppositionen kritiserar förslaget och menar att det slår mot små företag."
    ),
    "pl": (
        "Rząd przyjął we wtorek projekt ustawy, który ma ograniczyć ceny energii dla "
        "gospodarstw domowych do końca przyszłego roku. Jak poinformował minister klimatu, "
        "koszt programu wyniesie kilka miliardów złotych, a jego finansowanie zostanie "
        "zapewnione z budżetu państwa. Opozycja zarzuca rządowi, że działa zbyt późno."
    ),
    "tr": (
        "Merkez Bankası salı günü yaptığı açıklamada politika faizini değiştirmediğini "
        "duyurdu. Banka, enflasyonun beklenenden daha yavaş düştüğünü ve bu nedenle sıkı para "
        "politikasının bir süre daha devam edeceğini belirtti. Ekonomistler ise kararın "
        "piyasalar tarafından büyük ölçüde beklendiğini ve ilk tepkinin sınırlı olduğunu "
        "ifade etti."
    ),
    "ru": (
        "Правительство России во вторник объявило о новых мерах поддержки малого бизнеса, "
        "которые должны вступить в силу уже в следующем месяце. Как сообщил министр "
        "экономического развития, компании смогут получить льготные кредиты, а также "
        "отсрочку по налогам. По его словам, это поможет сохранить рабочие места."
    ),
    "ar": (
        "أعلنت الحكومة المصرية يوم الثلاثاء عن خطة جديدة لدعم الصادرات الزراعية، وقال وزير "
        "الزراعة في مؤتمر صحفي إن الخطة تهدف إلى زيادة الصادرات خلال العامين المقبلين."
    ),
    "zh": (
        "国家统计局周二公布的数据显示，今年前三个季度国内生产总值同比增长百分之五，"
        "消费和投资均保持稳定增长。分析人士认为，下一阶段经济仍面临外部需求减弱的压力。"
    ),
    "ja": (
        "政府は火曜日、来年度から子育て支援の予算を大幅に増やす方針を発表した。"
        "首相は記者会見で、少子化対策は最優先の課題だと述べた。"
    ),
    "ko": (
        "정부는 화요일 내년부터 청년층의 주거 지원을 확대하는 방안을 발표했다. 국토교통부 "
        "장관은 기자회견에서 전세 사기 피해자를 위한 대책도 함께 마련하겠다고 밝혔다."
    ),
    "el": (
        "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για τη στήριξη των νοικοκυριών απέναντι "
        "στην αύξηση των τιμών της ενέργειας, σύμφωνα με τον υπουργό Οικονομικών."
    ),
    "he": (
        "הממשלה אישרה ביום שלישי תוכנית חדשה לצמצום יוקר המחיה, כך הודיע שר האוצר "
        "במסיבת עיתונאים בירושלים."
    ),
    "hi": (
        "सरकार ने मंगलवार को किसानों के लिए एक नई योजना की घोषणा की, जिसके तहत छोटे किसानों "
        "को सस्ते ऋण दिए जाएंगे।"
    ),
}
# Languages without a profile, same kind of openings: never to be taken for English.
NO_PROFILE = {
    "fi": (
        "Hallitus ilmoitti tiistaina, että se aikoo kiristää maahanmuuttoa koskevia sääntöjä "
        "ensi vuoden alusta. Ministerin mukaan uudistus on välttämätön, koska työllisyysaste "
        "on laskenut. Oppositio arvostelee esitystä ja sanoo, että se on ristiriidassa "
        "perustuslain kanssa."
    ),
    "id": (
        "Pemerintah Indonesia mengumumkan pada hari Selasa bahwa harga bahan bakar minyak "
        "akan naik mulai bulan depan. Menurut menteri energi, kebijakan ini diperlukan untuk "
        "mengurangi beban anggaran negara. Sejumlah serikat buruh menyatakan akan menggelar "
        "aksi protes di Jakarta."
    ),
    "hu": (
        "A kormány kedden bejelentette, hogy jövő évtől emeli a minimálbért. A "
        "pénzügyminiszter szerint az intézkedés a munkavállalók vásárlóerejét hivatott "
        "növelni, az ellenzék azonban szerint a döntés túl későn érkezett, és nem "
        "ellensúlyozza az inflációt."
    ),
    "cs": (
        "Vláda v úterý oznámila, že od příštího roku zvýší minimální mzdu. Podle ministra "
        "práce má opatření pomoci rodinám s nízkými příjmy, opozice však tvrdí, že rozhodnutí"
        " přichází příliš pozdě a nevyrovná dopady inflace."
    ),
    "ro": (
        "Guvernul a anunțat marți că va majora salariul minim de la începutul anului viitor. "
        "Potrivit ministrului muncii, măsura este necesară pentru a proteja familiile cu "
        "venituri mici, însă opoziția susține că decizia vine prea târziu."
    ),
    "da": (
        "Regeringen meddelte tirsdag, at den vil skærpe reglerne for indvandring fra næste "
        "år. Ifølge ministeren skal kravet om løn hæves, og de som ikke opfylder det, skal "
        "forlade landet. Oppositionen kritiserer forslaget og mener, at det rammer små "
        "virksomheder."
    ),
    "no": (
        "Regjeringen kunngjorde tirsdag at den vil stramme inn reglene for arbeidsinnvandring"
        " fra neste år. Ifølge ministeren skal kravet til lønn heves, og de som ikke "
        "oppfyller det, må forlate landet. Opposisjonen kritiserer forslaget og mener det "
        "rammer små bedrifter."
    ),
    "vi": (
        "Chính phủ Việt Nam hôm thứ Ba thông báo sẽ tăng lương tối thiểu từ đầu năm sau. Theo"
        " bộ trưởng lao động, biện pháp này nhằm hỗ trợ các gia đình có thu nhập thấp trong "
        "bối cảnh giá cả tăng cao."
    ),
    "sw": (
        "Serikali ya Kenya ilitangaza Jumanne kwamba itaongeza kodi ya mafuta kuanzia mwezi "
        "ujao. Kwa mujibu wa waziri wa fedha, hatua hiyo inalenga kupunguza deni la taifa, "
        "lakini wapinzani wamesema itaongeza gharama za maisha kwa wananchi."
    ),
    "ca": (
        "El Govern ha anunciat aquest dimarts que augmentarà el salari mínim a partir de "
        "l'any vinent. Segons la consellera d'Economia, la mesura és necessària per protegir "
        "les famílies amb ingressos baixos, però l'oposició considera que arriba massa tard."
    ),
    "tl": (
        "Inanunsyo ng pamahalaan noong Martes na itataas nito ang minimum na sahod simula sa "
        "susunod na taon. Ayon sa kalihim ng paggawa, kailangan ang hakbang upang matulungan "
        "ang mga pamilyang mababa ang kita."
    ),
    "sr": (
        "Влада Србије је у уторак објавила да ће од следеће године повећати минималну зараду."
        " Према речима министра рада, мера је неопходна како би се заштитиле породице са "
        "ниским приходима."
    ),
    "fa": (
        "دولت ایران روز سه\u200cشنبه اعلام کرد که از سال آینده حداقل دستمزد را "
        "افزایش می\u200cدهد. به گفته وزیر کار، "
        "این اقدام برای حمایت از خانواده\u200cهای کم\u200cدرآمد ضروری است."
    ),
}
SPANISH_QUOTE_IN_ENGLISH = (
    "Protesters gathered outside the presidential palace in Caracas on Saturday, chanting "
    "“¡No volverán, no volverán!” as police looked on. The government said the march had "
    "been organised by the opposition and that the authorities would not tolerate violence. "
    "Witnesses told reporters that the crowd dispersed peacefully after several hours."
)


@pytest.mark.parametrize("code", sorted(NEWS_OPENINGS))
def test_news_openings_are_detected_in_their_language(code: str) -> None:
    found = detect_language(NEWS_OPENINGS[code])
    assert found.code == code
    assert found.confidence > 0.3


@pytest.mark.parametrize("code", sorted(NO_PROFILE))
def test_languages_without_a_profile_are_never_english(code: str) -> None:
    assert detect_language(NO_PROFILE[code]).code != "en"


@pytest.mark.parametrize("code", ["fi", "id", "hu", "cs", "ro", "da", "no", "vi", "sw", "tl"])
def test_latin_languages_without_a_profile_are_undecided(code: str) -> None:
    # Danish and Norwegian are close to Swedish, Catalan to Spanish: not close enough here.
    assert detect_language(NO_PROFILE[code]).code is None


def test_every_latin_profile_has_an_opening() -> None:
    assert set(LATIN_LANGUAGES) - {"en"} <= set(NEWS_OPENINGS)


@pytest.mark.parametrize("passage", [REFERENCE_PASSAGE, MILITARY_PASSAGE])
def test_english_passages_are_english(passage: str) -> None:
    assert detect_language(passage).code == "en"


def test_every_demo_article_is_english(demo_path: Path) -> None:
    corpus = load_corpus(demo_path)
    assert len(corpus) > 0
    for article in corpus:
        found = detect_language(article.full_text)
        assert found.code == "en", article.id
        assert found.confidence > 0.5


def test_english_with_a_spanish_quote_stays_english() -> None:
    assert detect_language(SPANISH_QUOTE_IN_ENGLISH).code == "en"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "2024-03-05 17:00 UTC",
        "Maduro",
        "Nicolás Maduro, Caracas",
        "La Paz",  # Spanish, French or Italian article + a place name
        "Der Spiegel",  # one German function word: too little to decide
        "Los Angeles",
        "Casa de la Cultura de Caracas",  # three function words, all shared by es/fr/it/pt
        "Han sagde, at det var for sent, men han kommer i dag.",  # Danish: Swedish not far ahead
        "Breaking news",
        "Venezuela: Guaidó",
        "東京",  # a place name: Chinese or Japanese
        "日本政府経済対策発表首相官邸記者会見",  # kanji only and short: Chinese or Japanese
        "Москва",  # one Cyrillic word: Russian, Ukrainian or Bulgarian
    ],
)
def test_short_or_ambiguous_text_is_undecided(text: str) -> None:
    assert detect_language(text) == Language(None, 0.0)


def test_short_text_with_a_strong_signal_is_decided() -> None:
    assert detect_language("The president spoke to reporters in the capital.").code == "en"
    assert detect_language("El presidente habló con los periodistas en la capital.").code == "es"


def test_ukrainian_and_bulgarian_are_not_taken_for_russian() -> None:
    ukrainian = (
        "Уряд України у вівторок оголосив про нові заходи підтримки малого бізнесу, які "
        "мають набути чинності вже наступного місяця. Як повідомив міністр економіки, "
        "компанії зможуть отримати пільгові кредити, а також відстрочку зі сплати податків."
    )
    bulgarian = (
        "Правителството одобри във вторник нов план за подкрепа на малкия бизнес, който "
        "трябва да влезе в сила още през следващия месец. Както съобщи министърът на "
        "икономиката, компаниите ще могат да получат кредити при по-ниски лихви."
    )
    assert detect_language(ukrainian).code == "uk"
    assert detect_language(bulgarian).code == "bg"


def test_han_only_text_says_chinese_only_when_long_enough() -> None:
    assert detect_language("日本政府発表").code is None
    assert detect_language(NEWS_OPENINGS["zh"][:40]).code == "zh"


def test_only_the_opening_is_read() -> None:
    text = NEWS_OPENINGS["de"] * 6 + " " + SPANISH_QUOTE_IN_ENGLISH * 40
    assert detect_language(text).code == "de"


def test_a_few_non_latin_names_do_not_change_an_english_text() -> None:
    text = REFERENCE_PASSAGE + " Xi Jinping (习近平) and Vladimir Putin (Владимир Путин) met."
    assert detect_language(text).code == "en"


def test_detection_is_fast() -> None:
    article = (REFERENCE_PASSAGE + " " + MILITARY_PASSAGE + " ") * 8
    assert len(article) > 3000
    detect_language(article)
    start = time.perf_counter()
    for _ in range(200):
        detect_language(article)
    per_article = (time.perf_counter() - start) / 200
    assert per_article < 0.002  # 10x the 0.2 ms target, to stay robust on slow CI machines
