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
CASE_KEYBOARD_HINT = "Tip: met Tab ga je naar een keuze, met Enter of spatie kies je."
CASE_SOURCES = "Bronnen"

PRACTICE_RIGHT = "Goed gekozen."
PRACTICE_WRONG = "Dat is niet de beste keuze."
PRACTICE_UNKNOWN = "Oefenvraag {pid!r} bestaat niet. Kies een van deze oefenvragen: {known}."

# --- model figure ----------------------------------------------------------------------------
MODEL_TITLE = "Model van maatschappelijke veerkracht"
MODEL_ALT_INTRO = (
    "Figuur met vier ringen rond elkaar. In het midden staat het individu, de kern, met een kleine cirkel voor "
    "psychologisch trauma. Daaromheen staan zeven risicofactoren: {risks}. Daaromheen staan zes beschermende "
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
INTERVENTION_CORRECTION = "Correctie"
INTERVENTION_SOURCES = "Bronnen"
INTERVENTIONS_UNKNOWN = "Programma {code!r} bestaat niet. Kies uit: {known}."
GLOSSARY_TITLE = "Begrippen"
SOURCES_TITLE = "Bronnen"
SOURCES_UNKNOWN = "Module {module!r} bestaat niet. Kies uit: {known}."

OBJECTIVES_TITLE = "Na deze module kun je:"
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
