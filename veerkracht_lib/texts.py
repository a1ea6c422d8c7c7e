"""Every learner-facing string of the library's code, in Dutch.

Content (cases, questions, the model) lives in ``content/*.yaml``; this module holds the
interface texts: messages, labels and notices. Placeholders use ``str.format`` names.
"""

from __future__ import annotations


def plural(forms: tuple[str, str], n: int) -> str:
    """Pick the Dutch singular or plural form of a message and fill in ``n``."""
    return (forms[0] if n == 1 else forms[1]).format(n=n)


# --- answers and checking -------------------------------------------------------------------
UNKNOWN_QUESTION = "Vraag {qid!r} bestaat niet. Kies een van deze vragen: {known}."
QUESTION_ID_NOT_TEXT = 'Zet de naam van de vraag tussen aanhalingstekens, bijvoorbeeld controleer("a1", antwoord_a1).'
EMPTY_ANSWER = "Je hebt nog niets ingevuld. Pas de regel met {template} aan."
NOT_FILLED_ITEMS = "Je hebt nog niet alles ingevuld. Vul ook iets in bij: {items}."
WRONG_TYPE_SET = (
    "Je antwoord moet een verzameling codes tussen accolades zijn, bijvoorbeeld {example}. Je gaf nu {given}."
)
WRONG_TYPE_SINGLE = "Je antwoord moet één code tussen aanhalingstekens zijn, bijvoorbeeld {example}. Je gaf nu {given}."
WRONG_TYPE_LIST = (
    "Je antwoord moet een lijst tussen blokhaken zijn, in de goede volgorde, bijvoorbeeld {example}. Je gaf nu {given}."
)
WRONG_TYPE_DICT = (
    "Je antwoord moet de vorm van het sjabloon houden: nummers met een code, bijvoorbeeld {example}. Je gaf nu {given}."
)
CODE_NOT_TEXT = '{given} is geen code. Zet elke code tussen aanhalingstekens, bijvoorbeeld "{code}".'
UNKNOWN_CODE = "De code {code!r} bestaat niet bij deze vraag. Kies uit: {options}."
UNKNOWN_CODE_SUGGEST = "De code {code!r} bestaat niet bij deze vraag. Bedoel je {suggestion!r}?"
EXCLUSIVE_CODE = "{code!r} ({label}) kun je niet combineren met andere codes. Kies het alleen, of laat het weg."
DUPLICATE_CODE = "Je noemt {code!r} twee keer. Noem elke stap één keer."
MISSING_STEPS = "Je volgorde mist nog: {codes}. Zet alle {n} stappen in de lijst."
UNKNOWN_ITEM = "Nummer {item} hoort niet bij deze vraag. De nummers zijn: {items}."
MISSING_ITEMS = "Je mist nog nummer(s): {items}."
TARGET_USED_TWICE = (
    "Je gebruikt {code!r} bij meer dan één situatie. Bij deze vraag past elke werkvorm bij één situatie."
)
ANSWER_TOO_LONG = "Je antwoord is te lang. Gebruik alleen de vorm uit het sjabloon."
INTERNAL_PROBLEM = (
    "Er ging iets mis bij het controleren. Je antwoord is niet verloren. "
    "Voer de cel nog een keer uit of vraag je trainer om hulp."
)
ANSWER_MISSING = (
    "Het antwoord op vraag {qid} ontbreekt. Misschien is de antwoordcel verwijderd of nog niet uitgevoerd. "
    "Voer de antwoordcel uit (Shift+Enter)."
)

FORM_OK = "De vorm van je antwoord klopt."
FORM_OK_COHORT = "De vorm van je antwoord klopt. Je trainer kijkt je antwoord na."
RESULT_RIGHT = "Goed! Je antwoord is helemaal juist."
RESULT_PARTIAL = "Voor een deel goed ({percent}% van de punten). Kijk nog eens naar de casus en probeer het opnieuw."
RESULT_WRONG = "Nog niet goed. Lees de vraag en de casus nog eens, en probeer het opnieuw."
RESULT_NO_SELFCHECK = "De vorm van je antwoord klopt. Voor deze vraag is geen zelfcontrole beschikbaar."
RESULT_TITLE = "Vraag {qid}"
QUESTION_CODES = "Codes"
QUESTION_TEMPLATE = "Sjabloon"
QUESTION_EXAMPLE = "Vorm, bijvoorbeeld"
QUESTION_POINTS = "{points:g} punten"
RESULT_FORM_PROBLEM = "Let op de vorm van je antwoord"

# --- grading (nbgrader) ----------------------------------------------------------------------
GRADING_FAULT = (
    "Bij het nakijken van vraag {qid} ging iets mis. Dat ligt niet aan jouw antwoord. Je trainer kijkt dit na."
)
EXPLAIN_TITLE = "Uitleg bij vraag {qid}: {title}"
EXPLAIN_IN = "hoort erbij"
EXPLAIN_OPTIONAL = "mag erbij, hoeft niet"
EXPLAIN_OUT = "hoort er niet bij"
EXPLAIN_BEST = "beste antwoord"
EXPLAIN_PARTLY = "deels goed"
EXPLAIN_NOT = "niet goed"
EXPLAIN_STEP = "stap {n}"
EXPLAIN_SOURCES = "Bronnen: {sources}"
SUBMISSION_NOT_JSON = "Het ingeleverde notebook kon niet worden gelezen (het bestand is beschadigd of onvolledig)."
SUBMISSION_NOT_NOTEBOOK = "Het ingeleverde bestand is geen notebook."
SUBMISSION_NOT_A_FILE = (
    "Het ingeleverde notebook is geen gewoon bestand (bijvoorbeeld een verwijzing naar een ander bestand)."
)
SUBMISSION_TOO_LARGE = "Het ingeleverde notebook is te groot (meer dan {mb} MB)."
SUBMISSION_MISSING = "Het ingeleverde notebook ontbreekt."
ANSWER_CELL_MISSING = "de antwoordcel ontbreekt in het ingeleverde notebook."
ANSWER_CELL_DUPLICATED = "Er waren {n} antwoordcellen voor deze vraag. Alleen de eerste telt."
NO_RESPONSE = "Je hebt hier niets ingevuld."
GRADE_NOT_READ = "Deze cel is bij het nakijken niet uitgevoerd. Alleen de antwoordregels tellen mee."
GRADE_UNREADABLE = "Je antwoordcel kon niet als antwoord gelezen worden: {reason}"
PARSE_SYNTAX = "er staat een schrijffout in (regel {line}). Controleer aanhalingstekens, komma's en haakjes."
PARSE_NOT_ASSIGNMENT = "de cel bevat meer dan het antwoord (regel {line}). Laat alleen de regel {name} = ... staan."
PARSE_NOT_LITERAL = "na {name} = staat geen gewone waarde maar code (regel {line}). Gebruik de vorm uit het sjabloon."
PARSE_NO_ANSWER = "er staat geen regel {name} = ... in de cel."
PARSE_TOO_LONG = "de cel is te lang (meer dan {limit} tekens)."

# --- the generated graded notebook (authoring/assignment.py) ----------------------------------
ASSIGNMENT_INTRO = """# Opdrachten module {code}: {title}

In dit notebook maak je de opdrachten van module {code}. Werk je in een groep? Dan kijkt je trainer ze na.

**Zo werk je:**

1. Voer eerst de cel hieronder uit met **Shift+Enter**.
2. Voer bij elke vraag de cel met de vraag uit. Je ziet dan de vraag en de keuzes.
3. Kies je antwoord in het vak onder de vraag. Je keuze komt vanzelf in de antwoordcel.
   Je mag het antwoord ook zelf typen: pas dan alleen de regel `antwoord_... = ...` aan.
4. Voer de antwoordcel uit. Je ziet meteen of de vorm klopt.
   Werk je in je eigen tempo? Dan zie je ook of je antwoord goed is.
5. Onder elk antwoord staat een **toetscel**. Die kijkt of de vorm klopt. Je mag hem uitvoeren.
6. Sla je werk op met **Ctrl+S**.

Bij het nakijken telt alleen je antwoordregel. Andere code wordt niet uitgevoerd.

**Privacy:** schrijf nergens echte namen of details waaraan iemand te herkennen is."""
QUESTION_HEADING = "## Vraag {qid}: {title}"
ASSIGNMENT_END = """## Klaar

Sla je werk op met **Ctrl+S**. Werk je in een groep met een trainer? Lever dit notebook dan in zoals je trainer \
heeft uitgelegd.

Terug naar de les: [{title}]({link})"""
REFLECTION_VARIANTS = "Dezelfde vraag voor jouw werk:"
GROUP_NAMES = {
    "leraar": "Leraar",
    "jongerenwerker": "Jongerenwerker",
    "wijkagent": "Wijkagent",
    "beleidsmaker": "Beleidsmaker",
}
REFLECTION_PRIVACY = "Gebruik geen echte namen en geen details waaraan iemand te herkennen is."
REFLECTION_GRADED_BY_TRAINER = (
    "Werk je in een groep? Dan kijkt je trainer deze vraag zelf na. Je antwoord blijft in dit notebook."
)
RUBRIC_TITLE = "Zo wordt je reflectie beoordeeld ({points} punten):"
RUBRIC_CRITERION = "Waar let je trainer op?"
RUBRIC_ZERO = "0 punten"
RUBRIC_HALF = "De helft"
RUBRIC_FULL = "Alle punten"
RUBRIC_POINTS = "{points} punt(en)"
TRAINER_NOTES_TITLE = "Voor de trainer (staat niet in de versie voor deelnemers):"
TRAINER_EXAMPLE = "Voorbeeldantwoord {n} ({score} punten):"
TRAINER_EXAMPLE_COMMENT = "Waarom:"
MODEL_ANSWER_SUMMARY = "Klaar met schrijven? Open dan hier een voorbeeld van een sterk antwoord."
MODEL_ANSWER_COHORT = "Je trainer bespreekt je reflectie met je. Daarom zie je hier geen voorbeeldantwoord."
MODEL_ANSWER_NONE = "Voor deze reflectie is geen voorbeeldantwoord beschikbaar."
EXPLAIN_AFTER_TRIES = "Je hebt het nu {n} keer geprobeerd. Lees hieronder de uitleg."

# --- trainer commands (veerkracht cohort / grade / feedback / report / export) ------------------
GRADE_PROGRESS = "Nakijken [{bar}] {done}/{total} ({seconds:.0f} s)"
GRADE_DONE = "Klaar: {n} inzending(en) nagekeken in {seconds:.1f} seconden."
GRADE_BACKUP = "Reservekopie van het cijferbestand: {path}"
GRADE_FAILED = "Niet nagekeken (zie logs/): {who}"
GRADE_ZEROS = "Antwoorden met 0 punten door een reden: {n}"
GRADE_MORE = "  ... en nog {n}"
GRADE_FAULTS = "Fouten bij het nakijken zelf (niet de schuld van de deelnemer): {n}"
GRADE_MANUAL = "Inzendingen die je nog met de hand moet nakijken (reflectie): {n}"
GRADE_NOTHING = "Er zijn geen ingeleverde opdrachten gevonden in {path}/submitted."
COHORT_NOT_A_COURSE = "{path} is geen cursusmap van een groep. Maak er een met: veerkracht cohort init {path}"
COHORT_READY = "De cursusmap voor de groep staat klaar: {path} ({n} opdracht(en))."
COHORT_EXISTS = "{path} bestaat al en is niet leeg. Kies een nieuwe map."
COHORT_NO_SOURCE = "Geen opdrachten gevonden in {path}. Geef met --source de map solutions/ van de cursus op."
ROSTER_LOADED = "{n} deelnemer(s) geladen."
ROSTER_PROBLEM = "Regel {line} van de deelnemerslijst is overgeslagen: {reason}"
ROSTER_NO_FILE = "De deelnemerslijst {path} kon niet worden gelezen."
FEEDBACK_DONE = "Feedback gemaakt voor {n} inzending(en) in {path}."
REPORT_DONE = "Rapport gemaakt: {path}"
EXPORT_DONE = "Export gemaakt: {paths}"

# --- progress --------------------------------------------------------------------------------
PROGRESS_CORRUPT = (
    "Je opgeslagen voortgang kon niet worden gelezen. We beginnen opnieuw. Het oude bestand is bewaard als {backup}."
)
PROGRESS_UNREADABLE = "Je voortgang kon niet worden gelezen ({reason}). We beginnen opnieuw; er is niets gewist."
PROGRESS_NOT_SAVED = "Je voortgang kon niet worden opgeslagen ({reason}). Je kunt gewoon verder werken."
PROGRESS_TITLE = "Mijn voortgang"
PROGRESS_EMPTY = "Je hebt nog geen casussen gespeeld en nog geen vragen gecontroleerd."
PROGRESS_WHERE = (
    "Je voortgang staat alleen op deze computer, in het bestand {path}. Er gaat niets naar de makers van de cursus."
)
PROGRESS_HOW = "Bewaren als bestand: exporteer_voortgang(). Alles wissen: wis_voortgang(bevestig=True)."
PROGRESS_CASES = "Casussen"
PROGRESS_QUESTIONS = "Vragen"
PROGRESS_CASE_DONE = "afgerond ({ending})"
PROGRESS_CASE_BUSY = "bezig"
PROGRESS_QUESTION_LINE = "{status}, {attempts} keer gecontroleerd"
PROGRESS_STATUS = {"goed": "goed", "deels": "deels goed", "nog_niet": "nog niet goed", "vorm": "vorm klopt"}
PROGRESS_EXPORTED = "Je voortgang is bewaard in {path}."
PROGRESS_DELETE_CONFIRM = (
    "Weet je het zeker? Dit wist al je opgeslagen voortgang. Typ wis_voortgang(bevestig=True) om te wissen."
)
PROGRESS_DELETED = "Je voortgang is gewist."
PROGRESS_NOTHING_TO_DELETE = "Er was geen opgeslagen voortgang."

# --- vignettes -------------------------------------------------------------------------------
CASE_UNKNOWN = "Casus {cid!r} bestaat niet. Kies een van deze casussen: {known}."
CASE_SETTING = "Waar"
# how a case's setting (a data code) is shown to learners
SETTING_NAMES = {
    "basisschool": "basisschool",
    "vo": "middelbare school (voortgezet onderwijs)",
    "mbo": "mbo (middelbaar beroepsonderwijs)",
    "jongerenwerk": "jongerenwerk",
    "wijkteam": "wijkteam",
    "gezin": "thuis, in het gezin",
    "wijkagent": "in de wijk, met de wijkagent",
    "gemeente": "gemeente",
    "sportclub": "sportclub",
    "online": "online",
}
CASE_PROFESSIONAL = "Wie"
CASE_CONTINUE = "Verder"
CASE_RESTART = "Opnieuw beginnen"
CASE_RESUMED = "Je was hier gebleven. Je kunt verder gaan of opnieuw beginnen."
CASE_YOUR_CHOICE = "Jouw keuze: {text}"
CASE_SERVES = "Helpt"
CASE_HARMS = "Schaadt"
CASE_ENDING = "Einde: {title}"
CASE_DEBRIEF = "Nabespreking"
CASE_VALUES_STRENGTHENED = "Waarden die sterker werden"
CASE_VALUES_PRESSURED = "Waarden die onder druk kwamen"
QUALITY_STRONG = "sterke keuze"
QUALITY_REASONABLE = "redelijke keuze"
QUALITY_WEAK = "zwakke keuze"
CASE_STEP = "Stap {n}"
CASE_OPTIONS_LABEL = "Kies wat je doet:"
CASE_KEYBOARD_HINT = (
    "Met het toetsenbord: druk na Shift+Enter op Shift+Tab. Dan sta je op de eerste keuze. "
    "Met Tab ga je naar de volgende keuze. Met Enter of spatie kies je."
)
CASE_SOURCES = "Bronnen"

PRACTICE_RIGHT = "Goed gekozen."
PRACTICE_WRONG = "Dat is niet de beste keuze."
PRACTICE_UNKNOWN = "Oefenvraag {pid!r} bestaat niet. Kies een van deze oefenvragen: {known}."

# --- model figure ----------------------------------------------------------------------------
MODEL_TITLE = "Model van maatschappelijke veerkracht"
MODEL_ALT_INTRO = (
    "Figuur met ringen rond elkaar. In het midden staat de kern: {core}. In de kern staat een kleinere cirkel "
    "voor {trauma}. Daaromheen staan {n_risks} andere risicofactoren: {risks}. Daaromheen staan zes beschermende "
    "programma's: {programmes}. De buitenste ring bevat zes waarden: {values}."
)
MODEL_ALT_HIGHLIGHT_PROGRAMME = "Gemarkeerd: programma {code}, {name}. Het werkt op de risicofactoren {risks}. De waarden die het dragen zijn {values}."
MODEL_ALT_HIGHLIGHT_RISK = "Gemarkeerd: risicofactor {name}. Programma's die hierop werken: {programmes}."
MODEL_ALT_HIGHLIGHT_VALUE = "Gemarkeerd: waarde {code}, {name}. Programma's die deze waarde dragen: {programmes}."
MODEL_ALT_HIGHLIGHT_CORE = "Gemarkeerd: de kern, het individu."
MODEL_UNKNOWN_PART = "{given!r} is geen onderdeel van het model. Kies uit: {known}."
MODEL_EXPLORE_LABEL = "Onderdeel:"
MODEL_EXPLORE_NONE = "(niets gemarkeerd)"
MODEL_TEXT_ALTERNATIVE = "Tekstversie van de figuur"
MODEL_RING_CORE = "Individu"
MODEL_NONE = "geen"

# --- tables ----------------------------------------------------------------------------------
INTERVENTIONS_TITLE = "Interventies bij programma {code}: {name}"
INTERVENTION_NAME = "Interventie"
INTERVENTION_WHAT = "Wat is het?"
INTERVENTION_EVIDENCE = "Onderbouwing"
INTERVENTION_CORRECTION = "Nieuw sinds het artikel"
INTERVENTION_SOURCES = "Bronnen"
INTERVENTIONS_UNKNOWN = "Programma {code!r} bestaat niet. Kies uit: {known}."
GLOSSARY_TITLE = "Begrippen"
SOURCES_TITLE = "Bronnen"
SOURCES_UNKNOWN = "Module {module!r} bestaat niet. Kies uit: {known}."

OBJECTIVES_TITLE = "De leerdoelen van deze module"
STUDY_LOAD = "Studielast: ongeveer {lesson} minuten voor de les en {exercises} minuten voor de opdrachten ({total} minuten samen)."
REFERRALS_TITLE = "Waar kun je terecht met een zorg?"
REFERRAL_WHO = "Wie"
REFERRAL_WHEN = "Wanneer"
REFERRAL_HOW = "Contact"
REFERRAL_LOCAL = "Wie is dit bij mij? Zoek het op en schrijf het hier op."
REFERRALS_CHECKED = "Laatst gecontroleerd: {date}."
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# --- command line ----------------------------------------------------------------------------
CLI_WORKSPACE_READY = "Je werkmap staat klaar: {path}"
CLI_WORKSPACE_NEW_FILES = "Nieuw in je werkmap: {n} bestand(en). Je eigen werk is niet aangeraakt."
CLI_STARTING = "De cursus wordt gestart. Dit duurt een paar seconden..."
CLI_OPEN_URL = "Open deze link in je browser om te beginnen:\n\n    {url}\n"
CLI_STOP_HINT = "Stoppen: druk op Ctrl+C in dit venster."
CLI_STOPPED = "De cursus is gestopt. Je werk staat in {path}."
CLI_PORT_BUSY = "Poort {port} is bezet. Kies een andere poort met --poort."
CLI_NO_COURSE_FILES = "De cursusbestanden zijn niet gevonden. Installeer de cursus opnieuw."
CLI_LAB_FAILED = "JupyterLab kon niet starten (code {code}). Zie de meldingen hierboven."
CLI_CONFIGURED = "JupyterLab is ingesteld voor deelnemers: Nederlandse menu's, zonder menu's voor trainers."
CLI_WORKSPACE_INSIDE = (
    "Je werkmap {path} ligt in de cursusbestanden zelf. Kies een map daarbuiten, bijvoorbeeld in je thuismap."
)
CLI_DESCRIPTION = "De cursus Veerkracht: maatschappelijke veerkracht tegen radicalisering."
CLI_HELP_START = "zet je werkmap klaar en open de cursus in JupyterLab"
CLI_HELP_MAP = "de map voor je eigen kopie van de cursus (standaard: ~/veerkracht-cursus)"
CLI_HELP_PORT = "het poortnummer (standaard: de eerste vrije vanaf 8888)"
CLI_HELP_NO_BROWSER = "open geen browser; toon alleen de link"
CLI_HELP_COHORT = "werk in een groep met een trainer: controleer() kijkt alleen naar de vorm"
CLI_HELP_CONFIGURE = "stel JupyterLab in voor deelnemers (Nederlandse menu's, zonder trainersmenu's)"
CLI_HELP_PROGRESS = "toon, exporteer of wis je opgeslagen voortgang"
CLI_HELP_FILE = "bestandsnaam voor de export"
CLI_HELP_CONFIRM = "bevestig dat je alles wilt wissen"

# --- friendly errors in notebooks (friendly.py) ---------------------------------------------
FRIENDLY_NAME_UNKNOWN = "De naam '{name}' is (nog) niet bekend."
FRIENDLY_NAME_SUGGEST = "Bedoel je '{suggestion}'?"
FRIENDLY_NAME_HINT = (
    "Heb je de cel waarin die naam staat al uitgevoerd? Voer de cellen van boven naar beneden uit met Shift+Enter."
)
FRIENDLY_SYNTAX = "Er staat een schrijffout in regel {line}:"
FRIENDLY_SYNTAX_QUOTE = 'Er mist een aanhalingsteken. Zet elke code tussen twee aanhalingstekens, zoals "POL".'
FRIENDLY_SYNTAX_BRACKET = "Er mist een haakje, of er staat er een te veel. Elk ( [ { heeft een ) ] } nodig."
FRIENDLY_SYNTAX_COMMA = "Mist er een komma? Zet een komma tussen de codes."
FRIENDLY_SYNTAX_INDENT = "Begin de regel helemaal links, zonder spaties ervoor."
FRIENDLY_SYNTAX_GENERAL = "Vergelijk je regel met het sjabloon: aanhalingstekens, komma's en haakjes."
CLI_HELP_COHORT_CMD = "(trainers) maak een cursusmap voor een groep (init) of laad de deelnemers (students)"
CLI_HELP_COURSE_DIR = "de cursusmap van de groep"
CLI_HELP_ROSTER = "CSV-bestand met de deelnemers: id, voornaam, achternaam, e-mail"
CLI_HELP_SOURCE = "map met de opdrachten voor trainers (standaard: solutions/ van de cursus)"
CLI_HELP_COURSE_ID = "naam van de groep voor nbgrader (standaard: de naam van de map)"
CLI_HELP_GRADE = "(trainers) kijk alle ingeleverde opdrachten na, tegelijk en veilig"
CLI_HELP_ASSIGNMENT = "alleen deze opdracht (standaard: alle)"
CLI_HELP_JOBS = "aantal processen tegelijk (standaard 2)"
CLI_HELP_FORCE = "kijk ook opnieuw na wat al nagekeken is"
CLI_HELP_FEEDBACK = "(trainers) maak de feedback voor de deelnemers, in het Nederlands"
CLI_HELP_REPORT = "(trainers) één HTML-rapport over de groep: scores, waarden, risicofactoren"
CLI_HELP_EXPORT = "(trainers) cijfers als CSV, en om in te lezen in Moodle en Canvas"
CLI_HELP_OUTPUT = "bestand of map voor het resultaat"
CLI_BAD_ARGUMENTS = "{prog}: dat begrijp ik niet ({detail}). Hulp: veerkracht --help\n"

# --- hints for self-paced learners (selfcheck.hints) ------------------------------------------
HINT_MISSING = (
    "Er ontbreekt nog één code die de tekst wel laat zien.",
    "Er ontbreken nog {n} codes die de tekst wel laat zien.",
)
HINT_EXTRA = ("Je koos één code die de tekst niet onderbouwt.", "Je koos {n} codes die de tekst niet onderbouwt.")
HINT_MISPLACED = ("Eén stap staat nog niet op de goede plek.", "{n} stappen staan nog niet op de goede plek.")
HINT_WRONG_ITEMS = "Kijk nog eens naar nummer: {items}."

# --- answer widget (labextension) -------------------------------------------------------------
# The click control under each graded question (labextension/ and answer_widget.py). Placeholders are
# plain {name} fields: the browser fills them in, so no format specs here.
ANSWER_WIDGET_FALLBACK = (
    "Open dit notebook in JupyterLab om je antwoord te kiezen. Je kunt het antwoord ook typen in de cel hieronder."
)
ANSWER_WIDGET_PLAIN_TEMPLATE = "Typ je antwoord in de cel hieronder, in deze vorm: {template}"
ANSWER_WIDGET = {
    "legend_multilabel": "Jouw antwoord: kies een of meer codes",
    "legend_single": "Jouw antwoord: kies één antwoord",
    "legend_ordering": "Jouw antwoord: zet de stappen in de goede volgorde",
    "legend_classification": "Jouw antwoord: kies bij elk nummer één code",
    "legend_matching": "Jouw antwoord: kies bij elk nummer wat het best past",
    "how": "Klik je antwoord aan. Het komt dan vanzelf in de antwoordcel hieronder. Typen in die cel mag ook.",
    "current": "Je antwoord staat in de antwoordcel:",
    "announce": "Je antwoord staat in de antwoordcel: {line}",
    "nothing_yet": "(nog niets gekozen)",
    "run_hint": "Wil je weten of je antwoord klopt? Voer dan de antwoordcel uit met Shift+Enter.",
    "not_parsed": (
        "Wat nu in de antwoordcel staat, kan hier niet als keuze worden getoond. "
        "Die getypte regel blijft staan zoals hij is, tot je hier iets aanklikt."
    ),
    "no_cell": (
        "De antwoordcel van deze vraag is niet gevonden. Hier kun je daarom niets aanklikken. "
        "Typ je antwoord in de antwoordcel, in deze vorm: {template}"
    ),
    "exclusive_note": "{code} kun je niet met andere codes combineren. Kies je {code}, dan gaan de andere vinkjes uit.",
    "exclusive_cleared": "{code} kan niet samen met andere codes. De andere vinkjes zijn uitgezet.",
    "exclusive_removed": "{code} is uitgezet, want {code} kan niet samen met andere codes.",
    "single_clear": "Keuze wissen",
    "order_list": "Volgorde van de stappen",
    "order_up": "omhoog",
    "order_down": "omlaag",
    "order_up_label": "omhoog: stap {code}",
    "order_down_label": "omlaag: stap {code}",
    "order_position": "Stap {code} staat nu op plek {pos} van {n}.",
    "order_at_top": "Stap {code} staat al bovenaan.",
    "order_at_bottom": "Stap {code} staat al onderaan.",
    "order_confirm": "Deze volgorde is mijn antwoord",
    "order_reset": "Opnieuw beginnen",
    "order_reset_done": "De volgorde is leeggemaakt. De stappen staan weer zoals in de vraag.",
    "order_not_chosen": (
        "Je hebt nog geen volgorde gekozen. De stappen staan nu zoals in de vraag. Dat telt nog niet als antwoord. "
        "Zet de stappen goed met omhoog en omlaag. Staat alles al goed? Klik dan op 'Deze volgorde is mijn antwoord'."
    ),
    "order_chosen": "Deze volgorde staat in de antwoordcel.",
    "item_label": "Nummer {item}",
    "item_choose": "(nog niet gekozen)",
    "item_used_by": "al gekozen bij nummer {items}",
    "item_unused": "Nog niet gekozen: {codes}.",
    "item_all_used": "Je hebt elke keuze één keer gebruikt.",
    "item_twice": "Let op: je kiest {code} bij meer dan één nummer ({items}). Bij deze vraag hoort elke keuze bij één nummer.",
    "item_one_to_one": "Gebruik elke keuze één keer.",
    "options_title": "De keuzes",
}

# --- course overview, handouts and deelnamebewijs (overview.py, documents.py, grading/certificates.py) ----------
OVERVIEW_TITLE = "Cursusoverzicht"
OVERVIEW_NEXT_TITLE = "Waar ga je verder?"
OVERVIEW_NEXT = "Ga verder met module {code}: {title}."
OVERVIEW_NEXT_TODO = "Nog te doen in deze module: {items}."
OVERVIEW_NEXT_LESSON = "Open de les"
OVERVIEW_NEXT_EXERCISE = "Open de opdracht"
OVERVIEW_ALL_DONE = (
    "Je hebt alle modules afgerond. Goed gedaan! Je kunt nu je deelnamebewijs maken. Kijk hieronder hoe dat gaat."
)
OVERVIEW_FIGURE_TITLE = "Jouw voortgang per module"
OVERVIEW_ALT = (
    "Staafdiagram van je voortgang per module: {done} van de {n} modules zijn klaar. "
    "De tabel hieronder geeft dezelfde cijfers."
)
OVERVIEW_FIGURE_CAPTION = "De tabel hieronder geeft dezelfde cijfers als de figuur."
OVERVIEW_LEGEND_CASES = "Casussen gespeeld"
OVERVIEW_LEGEND_QUESTIONS = "Vragen beantwoord"
OVERVIEW_AXIS = "Deel van de module dat je al deed (procent)"
OVERVIEW_COUNT = "{done} van {total}"
OVERVIEW_COUNT_CASES = "{done} van {total} casussen"
OVERVIEW_COUNT_QUESTIONS = "{done} van {total} vragen"
OVERVIEW_TABLE_CAPTION = "Modules, studielast en jouw voortgang"
OVERVIEW_COL_MODULE = "Module"
OVERVIEW_COL_LESSON = "Les (minuten)"
OVERVIEW_COL_EXERCISES = "Opdracht (minuten)"
OVERVIEW_COL_TOTAL = "Samen (minuten)"
OVERVIEW_COL_CASES = "Casussen gespeeld"
OVERVIEW_COL_QUESTIONS = "Vragen beantwoord"
OVERVIEW_COL_STATUS = "Status"
OVERVIEW_TOTAL_ROW = "Hele cursus"
OVERVIEW_STATUS = {"klaar": "✔ klaar", "bezig": "bezig", "nog_niet": "nog niet begonnen"}
OVERVIEW_MODULES_DONE = "{done} van {n} klaar"
OVERVIEW_STUDY_TOTAL = "De hele cursus kost ongeveer {duration}: {lesson} minuten voor de lessen en {exercises} minuten voor de opdrachten."
OVERVIEW_DONE_RULE = (
    "Een module is klaar als je alle casussen tot het einde hebt gespeeld. "
    "En als je elke vraag van de opdracht hebt gecontroleerd met een antwoord in de goede vorm. "
    "Je antwoord hoeft daarvoor nog niet goed te zijn."
)
OVERVIEW_PRIVACY = (
    "Je voortgang staat alleen op deze computer. Er gaat niets naar de makers van de cursus. "
    "Wil je meer zien, of alles wissen? Gebruik dan mijn_voortgang()."
)
OVERVIEW_REFRESH = "Voer de cel opnieuw uit als je verder bent gegaan. Dan zie je je nieuwe voortgang."
OVERVIEW_TODO_CASES = ("nog één casus", "nog {n} casussen")
OVERVIEW_TODO_QUESTIONS = ("nog één vraag controleren", "nog {n} vragen controleren")
DURATION = "{h} uur en {m} minuten"
DURATION_HOURS = "{h} uur"
DURATION_MINUTES = "{m} minuten"

DOC_READY_HANDOUT = "Je handout voor module {code} staat klaar: {path}"
DOC_READY_CERTIFICATE = "Je deelnamebewijs staat klaar: {path}"
DOC_OPEN = "Klik op de link om het bestand te openen. Je kunt het printen of bewaren."
DOC_NOT_SAVED = "Het bestand kon niet worden opgeslagen ({reason}). Kies een andere map."
DOC_UNKNOWN_MODULE = "Module {module!r} bestaat niet. Kies uit: {known}."
DOC_MODULE_NOT_TEXT = 'Zet de letter van de module tussen aanhalingstekens, bijvoorbeeld maak_handout("b").'

HANDOUT_TITLE = "Handout module {code}: {title}"
HANDOUT_KICKER = "Veerkracht · handout om te printen"
HANDOUT_PROGRAMME = "Deze module gaat over programma {code} uit het model: {name}."
HANDOUT_CLOSING = "Deze module sluit de cursus af. Hij gaat over de waarden en over sturen op veerkracht."
HANDOUT_STUDY_LOAD = (
    "Studielast: ongeveer {lesson} minuten voor de les en {exercises} minuten voor de opdracht. "
    "Samen is dat {duration}."
)
HANDOUT_MODEL = "Het model"
HANDOUT_MODEL_WHOLE = "Het hele model. In deze module komen alle delen samen."
HANDOUT_OBJECTIVES = "Na deze module kun je:"
HANDOUT_STEPS = "Zo werk je de module door"
HANDOUT_STEP_LESSON = "Lees de les in het notebook {lesson}. Reken op ongeveer {minutes} minuten."
HANDOUT_STEP_CASES = "Speel de casussen: {cases}."
HANDOUT_STEP_PRACTICE = ("Maak de oefenvraag. Die telt niet mee.", "Maak de {n} oefenvragen. Die tellen niet mee.")
HANDOUT_STEP_EXERCISE = (
    "Maak de opdracht: {n} vragen en een korte reflectie. Reken op ongeveer {minutes} minuten. "
    "Werk je in een groep? Dan kijkt je trainer de opdracht na."
)
HANDOUT_ROUTE = "Heb je een echte zorg? Ga stap voor stap"
HANDOUT_ROUTE_STEPS = (
    "Ga eerst een open gesprek aan met de jongere, en zo nodig met de ouders.",
    "Bespreek je zorg met een collega of de aandachtsfunctionaris.",
    "Wil je advies van buiten? Bel Platform JEP. Dat kan zonder de naam van de jongere.",
    "Alleen bij een concreet en ernstig veiligheidsrisico meldt je organisatie de zorg bij de gemeente.",
    "Is er acuut gevaar? Bel 112.",
)
HANDOUT_REFERRALS = "Waar kun je terecht?"
HANDOUT_WHEN = "Wanneer"
HANDOUT_CONTACT = "Contact"
HANDOUT_LOCAL = "Bij mij:"
HANDOUT_ENTRY_CHECKED = "Gecontroleerd op {date}."
HANDOUT_CHECKED = (
    "Laatst gecontroleerd: {date}. Nummers en websites kunnen veranderen. Kijk bij twijfel op de website zelf."
)
HANDOUT_NOTE = "Alle casussen in de cursus zijn verzonnen. De cursus is om te oefenen en is geen meldpunt."
HANDOUT_MADE = "Gemaakt op {date} met cursusversie {version}."
DOC_FOOTER = "Veerkracht · {what} · pagina {page} van {pages}"
DOC_FOOTER_HANDOUT = "handout module {code}"
DOC_FOOTER_CERTIFICATE = "deelnamebewijs"

CERTIFICATE_TITLE = "Deelnamebewijs"
CERTIFICATE_KICKER = "Veerkracht · maatschappelijke veerkracht tegen radicalisering"
CERTIFICATE_SELF = "heeft de cursus Veerkracht in eigen tempo doorlopen."
CERTIFICATE_SELF_DONE = (
    "Alle {cases} casussen zijn gespeeld en alle {questions} vragen van de zelfcontrole zijn beantwoord."
)
CERTIFICATE_COHORT = "heeft de cursus Veerkracht gevolgd in een groep met een trainer."
CERTIFICATE_COHORT_DONE = (
    "De opdracht is ingeleverd en nagekeken.",
    "Alle {n} opdrachten zijn ingeleverd en nagekeken.",
)
CERTIFICATE_MODULES = "De modules en hun studielast"
CERTIFICATE_COL_MODULE = "Module"
CERTIFICATE_COL_TOPIC = "Onderwerp"
CERTIFICATE_COL_LESSON = "Les"
CERTIFICATE_COL_EXERCISES = "Opdracht"
CERTIFICATE_COL_TOTAL = "Samen"
CERTIFICATE_MINUTES = "{n} min"
CERTIFICATE_ROW_ALT = (
    "Module {code}, {title}: les {lesson} minuten, opdracht {exercises} minuten, samen {total} minuten."
)
CERTIFICATE_TOTAL_ROW = "Totaal"
CERTIFICATE_TOTAL = "Totale studielast: ongeveer {duration}."
CERTIFICATE_DATE = "Datum: {date}. Cursusversie: {version}."
CERTIFICATE_WHAT = "Wat is dit bewijs?"
CERTIFICATE_WHAT_TEXT = (
    "Dit is een bewijs van zelfstudie. Het is geen erkend certificaat en geen diploma. "
    "De cursus is niet geaccrediteerd."
)
CERTIFICATE_REGISTER = (
    "Sta je in een beroepsregister, zoals SKJ of Registerplein? "
    "Dan beslist je eigen register of je hiervoor punten krijgt. Vraag het na bij je register."
)
CERTIFICATE_PRIVACY_SELF = (
    "Dit bewijs is gemaakt op de eigen computer van de deelnemer. "
    "De naam is getypt door de deelnemer zelf. Er staan geen cijfers op."
)
CERTIFICATE_PRIVACY_COHORT = "De trainer maakte dit bewijs uit de cijferlijst van de groep. Er staan geen cijfers op."

CERTIFICATE_NOT_YET = "Nog geen deelnamebewijs"
CERTIFICATE_NOT_YET_TEXT = (
    "Je krijgt een deelnamebewijs als je alle casussen hebt gespeeld en elke vraag van de opdrachten hebt "
    "gecontroleerd. Dit mist nog:"
)
CERTIFICATE_MISSING_MODULE = "Module {code} ({title}): {items}"
CERTIFICATE_MISSING_UNTOUCHED = "nog niet begonnen ({cases} casussen, {questions} vragen)"
CERTIFICATE_MISSING_CASES = "casussen {cases}"
CERTIFICATE_MISSING_QUESTIONS = "vragen {questions}"
CERTIFICATE_NAME_NEEDED = (
    'Typ je naam tussen aanhalingstekens, zo: maak_deelnamebewijs(naam="Sam de Vries"). '
    "Alleen die naam komt op je bewijs."
)
CERTIFICATE_NAME_PLACEHOLDER = "Typ hier je naam"
CERTIFICATE_NAME_TOO_LONG = "Je naam is te lang voor het bewijs. Gebruik hoogstens {n} tekens."
CERTIFICATE_NAME_BAD = "Je naam mag geen enters of tabs bevatten. Typ je naam op één regel."

COHORT_CERT_MADE = "Deelnamebewijs gemaakt voor {student}: {path}"
COHORT_CERT_MISSING = "Geen deelnamebewijs voor {student}. Nog niet ingeleverd of nagekeken: {assignments}."
COHORT_CERT_NO_NAME = (
    "Geen deelnamebewijs voor {student}: de naam is niet bekend. "
    "Laad de deelnemerslijst met 'veerkracht cohort students', of geef een naam met --naam."
)
COHORT_CERT_UNKNOWN_STUDENT = "Deelnemer {student!r} staat niet in de cijferlijst van {path}."
COHORT_CERT_NONE = "Niemand heeft nog alle opdrachten ingeleverd en nagekeken. Er is geen deelnamebewijs gemaakt."
COHORT_CERT_NAME_NEEDS_STUDENT = "--naam kan alleen samen met --student."
CLI_HELP_HANDOUT = "maak een handout om te printen (PDF) voor een module, of voor alle modules"
CLI_HELP_HANDOUT_MODULE = "de letter van de module, bijvoorbeeld b (standaard: alle modules)"
CLI_HELP_CERTIFICATE = "maak je deelnamebewijs (PDF); trainers: voor een groep met --cohort"
CLI_HELP_NAME = "de naam op het bewijs, zoals je die zelf typt"
CLI_HELP_CERT_COHORT = "(trainers) de cursusmap van de groep: maak de bewijzen uit de cijferlijst"
CLI_HELP_CERT_STUDENT = "(trainers) alleen voor deze deelnemer (standaard: iedereen die alles heeft ingeleverd)"
CLI_HELP_OUTPUT_DIR = "map voor de PDF-bestanden (standaard: de huidige map)"
CLI_HANDOUT_DONE = "Handout gemaakt: {path}"

# --- course widgets in JupyterLab: notes, keyboard, screen readers, the figure (live.py, vignette.py, figures.py) --
# A widget's note stands in its place when its kernel is gone (a reopened notebook, a static export).
WIDGET_RUN_CELL = "Voer deze cel uit met Shift+Enter om verder te gaan."
WIDGET_LOADING = "Even geduld, dit deel wordt geladen."
WIDGET_NOTE_GENERIC = "Hier stond een onderdeel om mee te werken."
WIDGET_NOTE_CASE = "Casus: {title}"
WIDGET_NOTE_CASE_TEXT = "Deze casus speel je in JupyterLab. Wat je al koos, is bewaard."
WIDGET_NOTE_PRACTICE = "Oefenvraag: {prompt}"
WIDGET_NOTE_PRACTICE_TEXT = "Deze oefenvraag maak je in JupyterLab."
WIDGET_NOTE_EXPLORER = "Het model verkennen"
WIDGET_NOTE_EXPLORER_TEXT = "Hier kies je in JupyterLab een deel van het model."
WIDGET_NOTE_PROGRESS = "Mijn voortgang"
WIDGET_NOTE_PROGRESS_TEXT = "Je voortgang staat alleen op je eigen computer. Je ziet hem hier in JupyterLab."
CASE_REGION = "Casus: {title}"
CASE_FIRST_OPTION = "Naar de eerste keuze"
CASE_RESUMED_DONE = (
    "Je hebt deze casus al uitgespeeld. Hieronder zie je hoe hij afliep. Nog een keer? Kies dan Opnieuw beginnen."
)
CASE_ANNOUNCE = "Je koos {letter}. Dat is een {verdict}. {feedback}"
CASE_ANNOUNCE_NEXT = "Nu stap {n}: {prompt}"
PRACTICE_CHOSEN = "jouw keuze"
MODEL_ALT_SHORT = (
    "Model van maatschappelijke veerkracht: ringen rond het individu. De tekstversie staat onder de figuur."
)
MODEL_ALT_SHORT_MARKED = (
    "Model van maatschappelijke veerkracht, met {part} gemarkeerd. De tekstversie staat onder de figuur."
)

# --- on a JupyterHub (hosting/assignments.py): nbgrader's Assignments panel ---------------------------------------
HUB_ASSIGNMENTS_FAILED = (
    "Dat lukte niet. Probeer het over een minuut opnieuw. Lukt het dan nog niet? Vraag je trainer om hulp."
)
