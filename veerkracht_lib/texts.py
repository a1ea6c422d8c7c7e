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
GRADE_NOT_READ = "Deze cel is bij het nakijken niet uitgevoerd. Alleen de antwoordregels tellen mee."
GRADE_UNREADABLE = "Je antwoordcel kon niet als antwoord gelezen worden: {reason}"
PARSE_SYNTAX = "er staat een schrijffout in (regel {line}). Controleer aanhalingstekens, komma's en haakjes."
PARSE_NOT_ASSIGNMENT = "de cel bevat meer dan het antwoord (regel {line}). Laat alleen de regel {name} = ... staan."
PARSE_NOT_LITERAL = "na {name} = staat geen gewone waarde maar code (regel {line}). Gebruik de vorm uit het sjabloon."
PARSE_NO_ANSWER = "er staat geen regel {name} = ... in de cel."
PARSE_TOO_LONG = "de cel is te lang (meer dan {limit} tekens)."

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
CASE_VALUES_ENDING = "Waarden in dit einde"
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
