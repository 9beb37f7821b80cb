"""Danish lexicons for the special categories, with the person cues that make them count.

A term counts only where the text says it about an identifiable person (the writer,
a family member, a named person): "min søn går til psykolog for angst" counts,
"flere psykologer i folkeskolen" does not. Terms are regular expressions written
as word stems with their Danish inflections; every pattern must also compile in
Hyperscan (no look-around, no back-references).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from .countries import country_pattern
from .partners import PATTERN as PARTNER_PATTERN
from .spelling import both_spellings, with_ascii_spellings

W: Final = r"[a-zæøåéü]*"  # the rest of a word: Danish inflections and compounds


# The verb of being, as Danish says what someone is: »vi er to mænd«, »min mand er
# psykolog«, »vi er begge kørestolsbrugere«.
BEING: Final = ("er", "var", "været", "være", "blev", "bliver")


# (a NamedTuple, not a dataclass: dataclasses imports inspect, about a tenth of a one-mail
# `borgerpost scan`'s start)
class Term(NamedTuple):
    rule: str
    category: str
    pattern: str
    confidence: float
    explanation: str
    # "sentence": a person cue must be in the same sentence; "phrase": the phrase itself
    # already names the person's situation ("dømt for", "medlem af HK"); "partner": a
    # partner of the same sex (partners.partner_sexes decides).
    needs: str = "sentence"
    # The term may end a compound ("nøddeallergi", "hjertesygdom"): matched inside a
    # word as well as at its start. Only for heads that keep their sense in compounds.
    head: bool = False
    # What, following the term, makes it something else: »psykisk vold« is violence,
    # »seksuelle krænkelser« an offence, »slået os ned« settling somewhere, »truet med at«
    # no threat of a crime. Lower case; the text after the term (from its next word or
    # mark, on the same line) starting with one of them counts.
    unless_followed_by: tuple[str, ...] = ()
    # Words that, as the word just before the term, deny it: »ingen a-kasse«.
    unless_after_word: tuple[str, ...] = ()
    # Words of which one must be the word just before the term (or the term follows a
    # comma, in apposition): »vi er to mænd«, »et par i 60erne, to mænd«; not »i sidste
    # uge kom to mænd hjem til ham«.
    only_after_word: tuple[str, ...] = ()
    # Words that, inside what the term matched, make it something else: »kom hjem fra
    # Spanien« is a journey home, not where one comes from (lower case).
    unless_holding: tuple[str, ...] = ()


# An article or an adjective before a service names the service, not anyone's use of it:
# »en gratis gældsrådgivning«, »en ny misbrugsrådgivning for unge« (core reads it too).
A_SERVICE_BEFORE: Final = (
    "en", "et", "den", "det", "ny", "nyt", "nye", "gratis", "frivillig", "frivillige",
)  # fmt: skip
# What is new or to come: »det nye demensplejehjem«, »det kommende asylcenter«.
NEW: Final = ("ny", "nyt", "nye", "kommende", "planlagte")
# »psykisk vold« is violence (criminal), not mental health: no health term before »vold«.
_VIOLENCE: Final = ("vold",)
# Danish trade unions and unemployment funds tied to them, by their usual names.
_UNIONS: Final = (
    r"(hk\b|3f\b|foa\b|dansk metal|metal\b|danmarks lærerforening|dlf\b|bupl\b|"
    r"dansk sygeplejeråd|dsr\b|krifa|det faglige hus|djøf|ida\b|dansk el-forbund|"
    r"socialpædagogerne|sl\b|fag og arbejde|fagforening|ase\b|ca a-kasse|foa's a-kasse|"
    r"lederne|akademikerne|ftf|fh\b|serviceforbundet|blik og rør|malerforbundet|"
    r"teknisk landsforbund|dansk journalistforbund|djf\b|fagbevægelsen|"
    r"kristeligt fagforbund|sygeplejerådet|lærerforeningen)"
)
# The other unions of the Danish labour market by their own names (FH's and Akademikernes
# member unions, and the independent ones). A list of its own: in _UNIONS, which three
# alternatives of a term hold, it made the term too large for Hyperscan to report where
# its matches start.
_MORE_UNIONS: Final = (
    r"(dansk socialrådgiverforening|socialrådgiverforeningen|danske fysioterapeuter|"
    r"ergoterapeutforeningen|jordemoderforeningen|dansk magisterforening|"
    r"gymnasieskolernes lærerforening|dansk psykolog forening|lægeforeningen|yngre læger|"
    r"tandlægeforeningen|danske bioanalytikere|kost og ernæringsforbundet|politiforbundet|"
    r"fængselsforbundet|dansk frisør og kosmetiker forbund|træ-industri-byg|"
    r"blik- og rørarbejderforbundet|dansk jernbaneforbund|finansforbundet|"
    r"forsikringsforbundet|radiograf rådet|frie funktionærer|fødevareforbundet|"
    r"hk kommunal|co10|konstabel- og korporalforening|hovedorganisationen for officerer|"
    r"dansk told- og skatteforbund|dansk funktionærforbund|ingeniørforeningen)"
)
# Sexually transmitted infections, said of someone: health and sex life both.
_STI: Final = r"klamydia|gonoré|syfilis|kønssygdom|kønsvorter"
# What may stand between a verb and its object: possessives, articles, a few adjectives
# and a genitive of two letters or more (»sælge min mors gamle hus«; not »os«), never a
# preposition (»sælger hash fra lejligheden« is no sale of the flat).
# Where a property lies, between it and what is done with it: »vores hus på Engvej 12
# til salg«.
_AT_AN_ADDRESS: Final = r"(?:\s+(?:på|i|ved)\s+[a-zæøåéü]+(?:\s+[0-9]+[a-z]?)?)?"
# A part of a property: »en stribe af vores have«, »et stykke af sin grund«. (No more
# words: property.sale would grow too large for Hyperscan to report where it starts.)
_A_PART_OF: Final = r"(?:(?:en stribe|en del|en bid|et stykke) af\s+)"
_BEFORE_A_NOUN: Final = (
    r"(?:vores|vort|min|mit|sin|sit|hans|hendes|deres|jeres|din|dit|den|det|en|et|de|"
    r"gamle|lille|store|nye|ny|nyt|nuværende|fælles|kommunale|tomme|ledige|hele|halve|private|"
    r"sidste|første|tilstødende|pågældende|omtalte|ubebyggede|fredede|nedlagte|tidligere|"
    # (the adjectives by name: any word in »e« cost Hyperscan a seventh of its time)
    r"[a-zæøåéü]{2,}s)"
)
TERMS: list[Term] = [
    # --- health -------------------------------------------------------------------------
    Term(
        "health.diagnosis",
        "health",
        r"(diagnose|sclerose|epilepsi|epilepti|cerebral parese|autisme|autist|adhd|add\b|"
        # diagnosed: »er blevet diagnosticeret med« (»fik konstateret« is a term of its own)
        r"diagnosticeret|(?:fået|fik|får|få) stillet diagnosen|"
        r"asperger|diabet|insulin|kræft|cancer|leukæmi|tumor|demens|dement|alzheimer|parkinson|"
        r"udviklingsforstyrrelse|personlighedsforstyrrelse|tilknytningsforstyrrelse|"
        r"angstforstyrrelse|sprogforstyrrelse|"
        # hearing or sight failing: »han hører ikke godt«, »problemer med ørerne« (not »ser
        # ikke godt ud«: how things look)
        r"hører (?:ikke (?:så )?godt|dårligt)\b|problemer med (?:ørerne|ører|hørelsen|synet|"
        r"øjnene)\b|"
        r"apopleksi|blodprop|hjerneblødning|hjerneskade|hjerteanfald|hjertesyg|hjertefejl|kol\b|"
        r"astma|"
        r"gigt|artrose|migræne|fibromyalgi|skizofren|bipolar|borderline|ptsd|ocd\b|angstlidelse|"
        r"depression|deprimeret|spiseforstyrrelse|anoreksi|bulimi|psykose|psykotisk|"
        r"udviklingshæm|udviklingshandicap|hjerneskadet|lammet|lammelse|"
        r"syndrom|discusprolaps|diskusprolaps|dialyse|kemoterapi|stråleterapi|strålebehandling|"
        r"fragilt x|downs syndrom|infantil autisme|cystisk fibrose|fibrose|muskelsvind|"
        r"hiv|aids|hepatitis|tuberkulose|long covid|senfølger|hjernerystelse|ordblind|"
        # an injury sewn; tonsils taken out
        r"(?:syet|sy|syede) (?:[0-9]+|et|to|tre|fire|fem|seks|syv|otte|ni|ti|flere|mange) sting|"
        r"(?:taget|fjernet|fjerne|tage) (?:sine |hans |hendes |mine )?mandler(?:ne)?\b|"
        r"mandeloperation|"
        r"cochlear implant|høreapparat|hørenedsættelse|synsnedsættelse|stofskifte|"
        # more conditions by their usual Danish names
        r"tourette|cøliaki|glutenallergi|laktoseintolerant|slagtilfælde|hjerneinfarkt|"
        r"pacemaker|nyresvigt|hjertesvigt|leversvigt|sukkersyge|stomi|amputer|"
        # the heart's rhythm and the blood's pressure, as Danes name their faults
        r"hjerteflimmer|atrieflimmer|forkammerflimmer|atrieflimren|forkammerflimren|"
        r"hjerterytmeforstyrrelse|(?:forhøjet|højt|for højt|lavt|for lavt) blodtryk|"
        # a joint or a valve replaced: »fået ny knæskal«
        r"(?:ny|nyt) (?:knæskal|hjerteklap|knæ|hofteled)\b|"
        r"spastisk|spastiker|epileptiker|diabetiker|astmatiker|lymfødem|psoriasis|"
        r"kronisk syg|ryggen er|slidgigt|leddegigt|grå stær|grøn stær|makulade|"
        r"blev lam\b|er lam\b|lam i benene|lam i armen|lam i siden|fas\b|føtalt alkohol|"
        # more from a list of how Danes tell of illness: an infection had, chemotherapy,
        # medicines by their names, self-harm, an organ removed, oxygen, dying, hay fever
        r"(?:har|havde|fik|fået|haft) (?:haft )?(?:corona|covid)|smittet med (?:corona|covid)|"
        r"kemobehandling|kemokur|ritalin|concerta|medikinet|lithium|antabus|metadon|"
        r"methadon|lykkepiller|antipsykotisk|"
        r"skærer i sig selv|skåret i sig selv|skære i sig selv|"
        r"fjernet (?:min|sin|hans|hendes|en|et|den) (?:galdeblære|blindtarm|livmoder|bryst|"
        r"mandler|nyre|milt|prostata|æggestokke|skjoldbruskkirtel)|"
        r"(?:bruger|på) ilt\b|ilttilskud|"
        r"ligger for døden|døende|terminalt syg|palliativ|høfeber|"
        # problems of an organ or a function: »hjerteproblemer« (not »pengeproblemer«)
        r"(?:hjerte|ryg|mave|lunge|nyre|lever|hofte|knæ|skulder|nakke|syns|høre|hud|tarm|"
        r"blære|prostata|stofskifte|vejrtræknings|hukommelses|balance)problem|"
        # a second list: breath short, bedridden, weakened, sight and hearing poor, allergic,
        # walking with aids, dizziness, falling, obsessions
        r"svært ved at trække vejret|åndenød|inhalator|sengeliggende|ligger mest i sengen|"
        r"blevet (?:meget )?svagere|ser dårligt|ser meget dårligt|hører dårligt|"
        r"hører meget dårligt|allergisk|allergiker|går med stok|går med krykker|på krykker|"
        r"svimmelhed|falder tit|falder ofte|faldet flere gange|begyndt at falde|"
        r"tvangstanker|tvangshandlinger|"
        # a stay in hospital named by its place (»ophold på Sygehus Sønderjylland«), a fall,
        # a limb lost, rehabilitation
        r"(?:ophold|indlæggelse|indlagt) på (?:sygehus|hospital)|(?:efter|pga\.?|på grund af) "
        r"(?:hendes|hans|sit|mit|dit|et) fald\b|amputation|protese|rehabilitering)" + W,
        0.9,
        "en diagnose eller sygdom",
        unless_followed_by=_VIOLENCE,
    ),
    # Care one cannot give oneself, the negation taken in (the denial is of the ability,
    # in either order of a clause): »han kan ikke længere selv komme i bad«, »fordi hun
    # ikke selv kan komme op af sengen« (not »hun vil hellere selv gå i bad«).
    Term(
        "health.self_care",
        "health",
        r"ikke (?:længere |mere )?selv (?:kan |kunne )?(?:komme i bad|gå i bad|bade|vaske sig|"
        r"klæde sig|tage tøj|gå på toilet|komme (?:op|ud) af sengen|komme op om morgenen|"
        r"spise|tage (?:sin|min|hans|hendes) medicin)" + W,
        0.8,
        "helbredsforhold (pleje, man ikke selv kan klare)",
    ),
    # A report to make, as one is advised: »Politiet siger, vi skal anmelde det«, »Skolen
    # siger, vi skal anmelde det« (not a damage for the insurance, or to an authority).
    # (Filming into a neighbour's home alone is left out: own46-0018 and own118-0003
    # disagree.)
    Term(
        "criminal.report_advised",
        "criminal",
        r"(?:skal|bør|burde|må|kan) anmelde (?:det|ham|hende|dem)\b",
        0.75,
        "strafbare forhold (en anmeldelse)",
        unless_followed_by=(
            "som arbejdsskade",
            "som en arbejdsskade",
            "til forsikring",
            "til kommunen",
            "til skat",
            "til jobcentret",
            "til a-kassen",
            "som skade",
        ),
    ),
    # What the body cannot bear, a diet it needs: »han kan ikke tåle almindelig mad«, »jeg
    # kan ikke tåle lys«, »skal have særlig kost« (not »jeg kan ikke tåle hans facon«; nor
    # »særkost«, which a vegetarian asks for too: own79-0017)
    Term(
        "health.intolerance",
        "health",
        r"(?:ikke (?:kan |kunne )?tåle (?:almindelig |almindeligt )?(?:mad|kost|gluten|mælk|"
        r"laktose|nødder|æg|fisk|skaldyr|hvede|penicillin|lys|lyd|larm|støj)|"
        r"(?:særlig|speciel|streng) (?:kost|diæt)|diætkost)" + W,
        0.8,
        "helbredsforhold (hvad kroppen ikke tåler)",
    ),
    # Eating and weight, sight failing, told by what they do: »har ikke spist ordentligt i
    # flere måneder«, »vejer næsten ingenting«, »han kan ikke se tavlen«
    Term(
        "health.told_by_effect",
        "health",
        r"(?:ikke (?:har )?spist ordentligt|vejer (?:kun |nu |under |næsten )?(?:ingenting|[0-9]+ "
        r"(?:kilo|kg))|ikke (?:længere )?(?:kan |kunne )?se (?:tavlen|skarpt|ordentligt))" + W,
        0.75,
        "helbredsforhold",
    ),
    # Memory failing, told by what it does: »hun kan ikke længere finde hjem fra Netto«,
    # »har glemt at slukke komfuret« (not »kunne ikke finde hjem« the first day: lost once)
    Term(
        "health.memory",
        "health",
        r"(?:ikke (?:længere|mere) (?:kan |kunne )?finde (?:vej )?hjem|glemt at slukke (?:for )?"
        r"(?:komfuret|kogepladen|kogepladerne|ovnen)|glemmer at (?:spise|drikke|slukke|tage "
        r"(?:sin|sine|hans|hendes|min|mine) (?:medicin|piller)))" + W,
        0.8,
        "helbredsforhold (hukommelsen svigter)",
    ),
    # Blind or deaf, not to something: »jeg var blind for, hvor svært det er«, »døv for
    # kritik« (»blind på det ene øje« is the eye's)
    Term(
        "health.diagnosis",
        "health",
        r"(blind|døv)" + W,
        0.9,
        "en diagnose eller sygdom",
        unless_followed_by=("for",),
    ),
    # A sexually transmitted infection tells of health and of sex life both.
    Term(
        "health.diagnosis",
        "health",
        # diagnosed, whatever with: »min mand fik konstateret ALS« (not a house's faults:
        # »vi har fået konstateret skimmelsvamp i kælderen«)
        r"(?:fået|fik|får|få) konstateret\b",
        0.85,
        "en diagnose eller sygdom",
        unless_followed_by=(
            "skimmel",
            "svamp",
            "råd",
            "fejl",
            "mangler",
            "asbest",
            "radon",
            "rotter",
            "lus",
            "fugt",
            "revner",
            "skader",
            "at ",
        ),
    ),
    Term(
        "health.diagnosis",
        "health",
        r"(" + _STI + r"|testet positiv for)" + W,
        0.85,
        "en diagnose eller sygdom",
    ),
    Term(
        "sexual.life",
        "sexual",
        r"(" + _STI + r")" + W,
        0.8,
        "seksuelle forhold (en kønssygdom)",
    ),
    Term(
        "health.weak_part",
        "health",
        # a weak organ or a poor health, also as second-language Danish writes it without
        # the neuter ending: »hun har også dårlig hjerte«, »os med dårlige knæ«
        r"(?:dårligt?|dårlige|svagt?|svage) (?:hjerte|helbred|ryg|knæ|hofte|hofter|lunger|"
        r"nerver|syn|hørelse|ben)\b",
        0.75,
        "helbredsforhold",
        # a soft spot is no illness: »et svagt hjerte for gamle biler«
        unless_followed_by=("for",),
    ),
    # Someone's weight, said with whose it is: »min søns vægt«, »hendes vægt« (not »lægger
    # vægt på«: emphasis)
    Term(
        "health.weight",
        "health",
        r"(?:min|mit|din|sin|hans|hendes|deres|vores|jeres|søns|datters|barns|sønnens|"
        r"datterens|barnets|drengens|pigens|mors|fars|mands|kones) vægt\b|vægttab|vægtøgning",
        0.75,
        "helbredsforhold (vægt)",
        unless_followed_by=("på",),
    ),
    Term(
        "health.pain",
        "health",
        # pain in a part of the body (»ondt i maven« too, unless a figure of speech: see
        # below)
        r"ondt i (?:ryggen|hovedet|knæet|knæene|hoften|benene|skulderen|skuldrene|nakken|"
        r"leddene|brystet|armen|armene|fødderne|tænderne|hele kroppen|maven)|"
        # an ailment named by the part of the body it is the cause of something in: »på
        # pension pga. ryggen«, »sygemeldt på grund af knæet«
        r"(?:pga\.?|på grund af) (?:min |mine |sin |sine |hans |hendes )?(?:ryg|ryggen|knæ|"
        r"knæet|knæene|hofte|hoften|skulder|skulderen|nakke|nakken|hjertet|lungerne|psyken)\b",
        0.8,
        "helbredsforhold (smerter)",
        # »ondt i ryggen af at se på den nye rundkørsel«, »ondt i maven over budgettet«,
        # »... ved tanken om ...«: figures of speech
        unless_followed_by=("af at", "over", "ved tanken"),
        # what something gives one: »det giver mig ondt i maven, at ...«
        unless_after_word=("mig", "os", "dig"),
    ),
    Term(
        "health.mental",
        "health",
        r"(angst|stress|psykisk|psykolog|psykiater|psykiatrisk|selvmord|selvskade|mutisme|"
        # attacks of panic
        r"panikanfald|panikangst|"
        # a suicide said as a life taken
        r"(?:taget|tog|tage|tager) (?:sit|hans|hendes) (?:eget )?liv|(?:taget|tog|tage) livet af sig|"
        r"(?:skade|skader|skadet|skadede) sig selv|cutter sig|cuttet sig|"
        r"misbrug|alkoholi|afvænning|abstinens|hash-?misbrug|narkoman|ludoman|"
        # treatment for an addiction, and being free of it
        r"lænkeambulatori|alkoholbehandling|stofbehandling|behandlingsforløb|ryddet for hash|"
        r"stoffri\b|er ædru|"
        # drinking or drugs said as a habit: »ryger hash hver dag«, »drikker for meget«
        r"ryger hash|røg hash|ryger pot|tager stoffer|tog stoffer|bruger stoffer|på stoffer|"
        r"drikker for meget|drikker hver dag|drikker dagligt|drikker sig fuld|drikker igen|"
        r"(?:begyndt|begyndte|begynder) at drikke|drikke for meget|"
        # drinking said as years of it: »har drukket i mange år«, »drukket i årevis«
        r"drukket (?:i |gennem )?(?:mange|flere|de sidste|de seneste|[0-9]+) år\b|"
        r"drukket i årevis|"
        r"alkoholproblem|drukkenbolt|drikkeproblem|drukproblem|spilleproblem|stofproblem|"
        # the bottle is drink in these idioms: »har det skidt med flasken«, »trøst i flasken«
        r"(?:svært|skidt|problemer|kæmper|kæmpet) med (?:alkohol|alkoholen|druk|stoffer|hash|"
        r"spil|spillet|sprut|flasken)\b|trøst i flasken|"
        # dependent on a substance or on gambling, said with the adjective or the noun
        r"afhængig af (?:kokain|hash|alkohol|stoffer|piller|heroin|amfetamin|opioider|"
        r"morfin|sovepiller|spil|spillemaskiner|gambling)|"
        r"(?:alkohol|stof|spille|pille|hash|kokain|heroin)afhængig|"
        # a misuse named by its substance: »alkoholmisbrug«, »stofmisbruger«
        r"(?:alkohol|stof|narko|pille|medicin|kokain|heroin|amfetamin|rusmiddel)misbrug)" + W,
        0.8,
        "psykisk helbred, misbrug eller behandling",
        # »psykisk sårbare«, »psykisk syge borgere«: a group of people, not someone
        unless_followed_by=(
            *_VIOLENCE,
            "sårbare",
            "syge borgere",
            "syge mennesker",
            "udsatte",
            # »misbruger hendes penge«, »misbrug af sin stilling«: an abuse, not an addiction
            "hendes penge",
            "hans penge",
            "sine penge",
            "deres penge",
            "mine penge",
            "vores penge",
            "af penge",
            "af hendes",
            "af hans",
            "af sin",
            "af sine",
            "af magt",
            "af tillid",
        ),
    ),
    Term(
        "health.senses",
        "health",
        # what one can hardly do any longer: see, hear, walk, swallow
        r"(kan næsten ikke|kan ikke længere|kan snart ikke) (se|høre|gå|stå|sidde|spise|synke|"
        r"trække vejret|huske)\b",
        0.7,
        "helbred (en funktion, der svigter)",
        unless_followed_by=(
            "på ",
            "noget",
            "nogen",
            "hvorfor",
            "hvordan",
            "at ",
            # a clause after a comma: »kan næsten ikke se, hvorfor I gør det«
            ", hvorfor",
            ", hvordan",
            ", hvad",
            ", at ",
            ", om ",
            "meningen",
            "forskel",
            "mig",
            "dig",
            "ham",
            "hende",
            "dem",
            "os",
            "i skole",
            "på arbejde",
            "til",
            "ud",
            "med",
            "ind",
        ),
    ),
    # Stuttering, said of someone (»min datter på 4 stammer meget«); not where one comes
    # from (»vi stammer fra Tyrkiet«), which shares the verb.
    # A couple of two men or two women: »vi er to mænd«, »et par i 60erne, to mænd«; not
    # two men someone met or was visited by (»besøg af to mænd«).
    Term(
        "sexual.two",
        "sexual",
        r"(to mænd|to kvinder)\b",
        0.8,
        "seksuel orientering",
        # two of a sex are a couple where said to be what people are, not as whoever
        # came or did something
        only_after_word=(*BEING, "som"),
    ),
    Term(
        "health.speech",
        "health",
        r"(stammer|stammede|stammen\b som)",
        0.7,
        "helbred (en funktion, der svigter)",
        unless_followed_by=("fra", "oprindeligt", "oprindelig", "tilbage", "helt", "af"),
    ),
    Term(
        "health.confused",
        "health",
        # Confusion seen in someone, a sign of illness: »hun virker meget forvirret, når jeg
        # banker på«, »min mor er blevet mere og mere forvirret« (not »forvirret over
        # brevet«, confused by something; nor »bliver«, which »så han ikke bliver
        # forvirret« says of a confusion to be spared, not denied).
        r"(?:virker|virkede|er blevet|blev|var helt|er helt) (?:[a-zæøåéü]+ ){0,4}forvirret\b",
        0.7,
        "helbredsforhold (forvirring)",
        unless_followed_by=("over", "af", "med", "omkring", "når det gælder", "i forhold til"),
    ),
    Term(
        "health.drinking",
        "health",
        # »drikker« alone is drinking alcohol: »min mand drikker og ...«; not »drikker
        # kaffe«
        r"(mand|kone|far|mor|søn|datter|kæreste|samlever|bror|søster|han|hun) drikker\b|"
        # in a relative clause, with how much: »en mand på 60, der drikker meget«; and
        # someone's drinking named: »om hans drikkeri«
        r"(?:der|som) drikker (?:meget|for meget|hver dag|dagligt|fra morgenstunden)\b|"
        r"(?:hans|hendes|sin|sit|min|mit|din|dit|deres) drikkeri\b",
        0.7,
        "misbrug af alkohol",
        unless_followed_by=(
            "kaffe",
            "te",
            "vand",
            "mælk",
            "juice",
            "sodavand",
            "saft",
            "cola",
            "kakao",
            "the",
            "øl",
            "vin",
            "ikke",
            "aldrig",
            "kun",
            "gerne",
            "sammen",
        ),
    ),
    Term(
        "health.care",
        "health",
        r"(sygemeld|sygdom|høreskade|rygskade|tinnitus|piskesmæld|arbejdsskade|"
        # an injury named by the part of the body (not »vandskade«, »stormskade«)
        r"(?:nerve|øjen|syns|knæ|skulder|nakke|hofte|ankel|menisk|korsbånds|sene|muskel|"
        r"lunge|nyre|lever)skade|"
        # sickness benefit is paid to the sick only: on it, one is ill
        r"(?:på|fået|får|fik|modtager|modtog) sygedagpenge|"
        r"arbejdsulykke|indlagt|indlæggelse|indlægges|udskrevet|udskrivelse|udskrives|"
        # a joint replaced: »fået ny hofte«, »et nyt knæ«
        r"(?:ny|nyt|nye|kunstig|kunstigt) (?:hofte|knæ|hofteled|knæled|skulder)\b|"
        r"hospitalet|sygehuset|operation|opereret|genoptræning|lægeerklæring|"
        # treated by a physiotherapist or a chiropractor: »går til fysioterapeut for min
        # ryg« (not »min kone er fysioterapeut«, a profession)
        r"fysioterapi\b|(?:til|hos) (?:en )?(?:fysioterapeut|kiropraktor)|"
        # bitten in a part of the body: »min datter er blevet bidt i benet af en hund«,
        # »naboens hund har bidt min datter i benet« (person.said_of_an_animal)
        r"bidt (?:[a-zæøåéü]+ ){0,3}i (?:benet|armen|hånden|ansigtet|kinden|låret|"
        r"fingeren|foden|halsen|læggen)\b|"
        # psychiatry waited for or sent to: »ventet så længe på psykiatrien«
        r"(?:ventet|venter|vente|ventede) (?:[a-zæøåéü]+ ){0,3}på (?:psykiatrien|en psykiater|"
        r"psykiater)\b|(?:henvist|visiteret) til psykiatrien|"
        # a therapist of speech or of daily tasks waited for or seen: »ventet på
        # talepædagogen«, »går hos en ergoterapeut«
        r"(?:til|hos|på) (?:en )?(?:talepædagog|logopæd|ergoterapeut)|"
        r"min læge|medicin|kørestol|rollator|handicap|handikap|gravid|graviditet|abort|"
        # a pregnancy lost, told with its week: »mistet vores barn i 20. uge«
        r"(?:mistet|mistede|tabt|tabte) (?:vores|mit|sit|hendes|et|deres) (?:barn|foster|baby) "
        r"i (?:uge [0-9]+|[0-9]+\. uge)|"
        # aids for care at home: »en plejeseng og en lift«
        r"plejeseng|loftlift|personlift|personløfter|toiletforhøjer|badebænk|badestol|"
        # medicines by what they are for
        r"sovemedicin|smertestillende|antidepressiv|nervemedicin|hjertemedicin|blodfortyndende|"
        # someone's pills, forgetting as the first sign of dementia, the mind not right
        r"(?:sine|mine|hans|hendes|dine|vores) piller\b|(?:begyndt|begynder|begyndte) at glemme|"
        r"(?:ikke|ik) (?:rigtig |helt |så godt )?(?:godt )?oven i hovedet|"
        r"terminal|plejebolig|plejehjem|hjemmehjælp|hjemmesygepleje|genoptræning|"
        # home care received (not »hjemmeplejen« alone, a workplace and a service)
        r"(?:får|fik|fået|modtager|modtog|visiteret til) hjemmepleje\b|"
        r"regning(?:en)? (?:fra|for) hjemmeplejen|"
        r"funktionsnedsættelse|nedsat funktionsevne|førlighed|smerter|blodsukker|"
        r"brækket|knoglebrud|hoftebrud|hospice|fertilitet|ivf\b|"
        # a bone broken
        r"(?:brækkede|brækker|brække)\s+(?:[a-zæøåéü]+\s+)?(?:hoften|armen|benet|håndleddet|"
        r"anklen|ryggen|lårbenet|skulderen|kravebenet|bækkenet|næsen|kæben|foden|hånden|"
        r"fingeren|tåen|ribbenene|et ribben|nakken|albuen|knæet)|"
        # a break said of the bone (»et brud på hoften«), an injured tooth
        r"brud på (?:hoften|armen|benet|håndleddet|anklen|ryggen|lårbenet|skulderen|"
        r"kravebenet|bækkenet|hoftebenet|ribbenene|et ribben|nakken|hånden|foden)|"
        r"tandskade|"
        # personal care one cannot manage alone; losing weight said of someone
        r"personlige hygiejne|personlig hygiejne|personlig pleje|"
        r"ikke fået bad|ikke været i bad|hjælp til bad\b|"
        # wounds from lying, infected
        r"liggesår|tryksår|sårene er|inficeret|inficerede|"
        # aids for the body
        r"kateter|sondemad|iltapparat|iltflaske|høreapparat|respirator|"
        # personal assistance around the clock (BPA) is for a severe disability
        r"bpa\b|borgerstyret personlig assistance|hjælpere døgnet rundt|"
        # an injury seen on the body
        r"blå mærker|blodudtrædning|"
        # injured, said as coming to harm
        r"kommet til skade|kom til skade|kommer til skade|kommet slemt til skade|"
        r"tabt (?:mig|dig|sig) (?:meget|[0-9]+ kilo)|(?:tabt|mistet) [0-9]+ kilo|"
        # a back or a joint worn out
        r"(?:min|hans|hendes|sin) krop er (?:slidt|ødelagt|nedslidt)|nedslidt|"
        r"(?:ryg|ryggen|knæ|knæene|hofte|hoften|hofter|skulder|skulderen|skuldre)\s+"
        r"(?:er\s+)?(?:slidt op|helt slidt|slidt ned|ødelagt)|"
        r"kunstig befrugtning|reagensglas|"
        # a pregnancy said as how far along, or as the child expected
        r"uger henne|måneder henne|venter (?:vores |mit |et |en )?(?:første |andet |tredje )?barn|"
        r"venter tvillinger|terminsdato|har termin|"
        r"skal have (?:vores|mit|sit|hendes|deres) (?:første|andet|tredje|fjerde) barn\b|"
        # a condition one was born with
        r"født med (?:en |et )?(?:sjælden |sjældent |alvorlig |alvorligt )?(?:genfejl|"
        r"hjertefejl|handicap|misdannelse|syndrom|sygdom|diagnose)|hul i hjertet|"
        # memory failing, and no longer managing alone
        r"glemsom|hukommelsestab|hukommelsesproblemer|dårlig hukommelse|"
        r"(?:kan|kunne) ikke (?:længere |mere )?klare sig selv|"
        # born too early, the emergency room, chemotherapy, scans and tests of the body
        r"født for tidligt|for tidligt født|præmatur|kuvøse|neonatal|"
        r"skadestue|akutmodtagelse|lægevagten|kemo\b|(?:mr|ct|pet)-?scanning|"
        # a scan had, and what it found: »været til scanning … en skygge på lungen«
        r"(?:været|var|skal|skulle) til (?:en )?scanning|skygge på (?:lungen|lungerne|hjernen|"
        r"leveren|nyren|nyrerne)|"
        r"scanning af (?:hjernen|hovedet|ryggen|hjertet|maven|brystet|lungerne|knæet)|"
        r"knude i (?:brystet|halsen|maven|hovedet|lysken|armhulen)|"
        r"fjernet en knude|"
        # a diagnosis made, hospital departments by their specialities
        r"diagnosticer|udredt|udredning|dysleksi|børnepsykiatri|ungdomspsykiatri|"
        r"onkologisk|kardiologisk|neurologisk|ortopædkirurgisk|gynækologisk|urologisk|"
        r"til kontrol på|til kontrol hos|"
        # senses lost, organs given, nights wet, the head hit, pain without end
        r"hørehæmmet|svagtseende|svagsynet|synshandicap|hørehandicap|døvblind|tunghør|"
        r"nedsat syn\b|nedsat hørelse|dårligt syn\b|dårlig hørelse|døvstum|"
        r"høretab|mistet hørelsen|mistet synet|"
        # part of the sight lost: »mistet det meste af synet«, »kun 20 procent syn tilbage«
        r"(?:mistet|miste|mister|tabt) (?:[a-zæøåéü]+ ){1,3}af synet|(?:procent|%) syn\b|"
        r"syn tilbage\b|"
        # falls told by how often, and the night on the floor after one: »er faldet derhjemme
        # tre gange«, »lå på gulvet hele natten«
        # (said of a person: not »huslejen er faldet to gange«)
        r"(?:jeg|han|hun|mor|far|mand|kone|søn|datter|bror|søster|mormor|morfar|farmor|farfar|"
        r"bedstemor|bedstefar|svigermor|svigerfar|nabo|kæreste)(?: [a-zæøåéü0-9]+){0,2} "
        r"(?:er|blev|var) faldet (?:[a-zæøåéü]+ )?(?:flere|to|tre|fire|fem|mange|[0-9]+) gange|"
        r"(?:lå|ligget|liggende) på gulvet (?:hele natten|en hel nat|i timevis|i flere timer|"
        r"i [0-9]+ timer)|transplant|ny nyre|ny lever|nyt hjerte|"
        r"tisser i sengen|sengevæd|inkontinen|slået hovedet|slog hovedet|"
        r"kronisk (?:træt|træthed|smerte|smerter|sygdom|betændelse|hovedpine|lidelse)|"
        r"søvnproblemer|søvnløshed|svært ved at sove|melatonin|sovepiller|"
        # pills said by what they are for: »tager piller for at sove«
        r"(?:piller|tabletter|medicin) for at (?:sove|kunne sove|falde i søvn|holde smerterne|"
        r"klare dagen)|"
        # a birth and what follows it
        r"fødsel\b|fødslen\b|kejsersnit|fødselsdepression|efterfødselsreaktion|"
        r"får ilt|iltbehandling|overvægtig|svær overvægt|fedme|undervægtig|diætist|"
        # not eating (not »spiser ikke svinekød«: that is a faith or a taste)
        r"spiser næsten ikke|spiser stort set ikke|spiser ikke mere|vil ikke spise|"
        r"nægter at spise|"
        r"vægttab|vejer [0-9]+ (?:kg|kilo)|hjertestop|i koma\b|koma\b|"
        r"syet [0-9]+ sting|fået syet|[0-9]+ sting i|"
        # an operation ahead, a heart valve, lifting forbidden, stairs no longer managed
        r"opereres\b|skal opereres|hjerteklap|må ikke løfte|"
        r"(?:kan|kunne) (?:ikke|ikke længere|ikke mere) (?:gå|klare) (?:på )?trapper|"
        r"ikke (?:kan|kunne) (?:gå|klare) (?:på )?trapper|"
        # born with a defect: »født med en ganespalte« (not »født med en sølvske«)
        r"født med (?:en |et )?[a-zæøå]*(?:fejl|spalte|skade|misdannelse|defekt|luksation)|"
        r"ganespalte|læbespalte|klumpfod|"
        # being treated somewhere: »har været i behandling på Sexologisk Klinik«
        r"(?:er|var|været|kommer|kom|går) i behandling (?:på|hos|i|for|med)\b|"
        r"(?:lægen|min læge|hans læge|hendes læge|egen læge) har henvist|henvist af (?:sin |min |"
        r"hans |hendes |egen )?læge)" + W,
        0.7,
        "helbred, pleje eller behandling",
        unless_followed_by=_VIOLENCE,
        # a subject studied: »min søn læser medicin«
        unless_after_word=("læser", "læste", "studerer", "studerede"),
    ),
    Term(
        "health.care",
        "health",
        r"(røntgen|biopsi|blodprøve)" + W,
        0.7,
        "helbred, pleje eller behandling",
        # a sample given for a paternity case is genetic, not about health
        unless_followed_by=("til en faderskab", "til faderskab", "til en dna", "til dna"),
    ),
    # Ill, said of a person; before a thing or an idea it is figurative: »en syg
    # prioritering«, »syg humor«, »en syg idé«.
    Term(
        "health.care",
        "health",
        r"(syg)\b",
        0.7,
        "helbred, pleje eller behandling",
        unless_followed_by=(
            *_VIOLENCE,
            "prioritering",
            "prioritet",
            "politik",
            "idé",
            "ide",
            "tankegang",
            "logik",
            "kultur",
            "humor",
            "system",
            "måde",
            "verden",
            "beslutning",
            "forslag",
            "spøg",
            "joke",
            "situation",
            "udvikling",
            # »syg og træt af«: fed up, the idiom
            "og træt",
        ),
    ),
    # --- ethnic origin --------------------------------------------------------------------
    Term(
        "ethnic.origin",
        "ethnic_origin",
        r"(etnisk|oprindelse|herkomst|hudfarve|race|racis|indvandrer|flygtning|nydansk|"
        r"tyrkisk|somalisk|somalier|irakisk|iraker|iransk|afghansk|afghaner|syrisk|syrer|"
        r"kurdisk|kurder|palæstinens|libanesisk|pakistansk|pakistaner|arabisk|araber|"
        r"marokkansk|eritreisk|etiopisk|polsk|polak|rumænsk|rumæner|bulgarsk|romaer|roma\b|"
        r"sigøjner|grønlandsk|grønlænder|færøsk|samisk|tamil|srilankansk|vietnamesisk|thailandsk|"
        r"filippinsk|kinesisk|indisk|bosnisk|serbisk|kosovo|albansk|ukrainsk|russisk|afrikansk|"
        r"asiatisk|mørk i huden|brun i huden|mørkhudet|sorthudet|inuit|"
        # skin colour said of a person: »fordi hun er sort«
        r"(?:han|hun|jeg|vi) er (?:sort|sorte|brun)\b|inuk\b|er rom\b|som rom\b|romani|romanifolk|tater|"
        # a racist slur aimed at someone says what race they are taken for
        r"neger|perker|"
        # a person said to be black or brown (not »bilen er sort«: the subject is someone)
        r"(?:jeg|han|hun|søn|datter|dreng|pige|barn|mand|kone|kæreste|ven|veninde|mor|far) er "
        r"(?:sort|brun)\b|"
        # people named by where they come from
        r"tyrker|iraner|marokkaner|libaneser|eritreer|etiopier|vietnameser|thailænder|"
        r"filippiner|kineser|ungarer|litauer|ukrainer|russer|serber|bosnier|albaner|"
        r"nigerianer|ghaneser|kenyaner|egypter|jordaner|algerier|tuneser|chilener|"
        # more people by their nation (not »finne«, »ester«, »inder«: other words too)
        r"mellemøstlig baggrund|mellemøstlig oprindelse|østeuropæisk baggrund|"
        r"udenlandsk baggrund|udenlandsk oprindelse|fremmed baggrund|ikke-vestlig|ikkevestlig|"
        r"thai\b|thaier|japaner|japansk|koreaner|koreansk|indonesier|indonesisk|nepaleser|"
        r"mexicaner|brasilianer|colombianer|peruvianer|argentiner|amerikaner|canadier|"
        r"englænder|franskmand|franskmænd|tysker|hollænder|italiener|spanier|portugiser|"
        r"græker|svensker|nordmand|nordmænd|islænding|sudaneser|kongoleser|ugander|"
        r"tjetjener|georgier|armenier|tibetaner|burmeser|mulat|kvoteflygtning|"
        # the status of someone who came from abroad (not »selvforsørgelses- og
        # hjemrejseydelse«: it is paid by residence, to Danes home from abroad too, and is
        # a social benefit)
        r"opholdstilladelse|opholdskort|asylansøg|asylcenter|familiesammenføring|familiesammenført|"
        # having to leave the country, or the right to stay
        r"skal udrejse|udrejsefrist|afslag på asyl|fået asyl|fik asyl|permanent ophold|"
        r"opholdsgrundlag|blive boende i danmark)" + W,
        0.8,
        "etnisk baggrund eller herkomst",
    ),
    # --- sexual ---------------------------------------------------------------------------
    Term(
        "sexual.orientation",
        "sexual",
        r"(homoseksuel|biseksuel|heteroseksuel|lesbisk|lesbiske|bøsse|transkønnet|trans\b|gay\b|"
        r"transkvinde|transmand|transperson|homopar|homoseksuelt par|lesbisk par|bøssepar|"
        r"queer|er lgbt|som lgbt|seksuel orientering|seksualitet|samme køn|"
        # coming out, and whom one is drawn to
        r"ud af skabet|sprunget ud som|sprang ud som|aseksuel|panseksuel|"
        # come out, said of a person (not of trees in spring); a partner of the same sex
        # said with »også« (»en kæreste, der også er pige«)
        r"(?:jeg|han|hun|søn|datter|bror|søster|barn|ven|veninde) (?:er|var) (?:lige )?"
        r"sprunget ud|(?:jeg|han|hun) sprang ud|"
        r"kæreste,? (?:der|som) også er (?:en )?(?:pige|dreng|kvinde|mand|fyr)|"
        # selling sex, which is legal and a part of one's sex life
        r"(?:sælger|sælge|solgt|solgte) sex|sexarbejd|prostitu|"
        r"(?:han|hun|jeg) er til (?:drenge|piger|mænd|kvinder|fyre)\b|"
        r"sexliv|seksuel|kønsidentitet|kønsskifte|kønsskift|mand eller en kvinde)" + W,
        0.85,
        "seksuelle forhold eller seksuel orientering",
        # »seksuelle krænkelser«, »seksuelt misbrug«: offences (criminal.offence)
        unless_followed_by=("krænk", "overgreb", "misbrug", "chikane"),
        # »udnytter hende seksuelt«, »krænket ham seksuelt«: an offence too
        unless_after_word=("hende", "ham", "dem", "børn", "børnene", "barnet"),
    ),
    # --- beliefs --------------------------------------------------------------------------
    Term(
        "beliefs.religion",
        "beliefs",
        r"(muslim(?:er|erne|en|sk|ske)?\b|bederum|pinsekristen|kristen\b|(?:er|som) kristne\b|jøde|jødisk\b|jehovas vidne|katolik|katolsk|buddhist|hindu|"
        r"sikh|yezidi|yazidi|ezidi|ateist|konverter|troende|frikirke|pinsemenighed|scientolog|islam|"
        r"etisk overbevisning|religiøs overbevisning|politisk overbevisning|overbevisning|"
        r"svinekød|halal|tørklæde|gudstjeneste|ramadan|faste under|sekt\b|sekten|sekter|"
        # a faith practised or named as one's own; a conviction against arms
        r"går i (?:kirke|kirken|moské|moskéen|moske|moskeen|synagoge|synagogen|templet)|"
        r"min tro\b|hans tro\b|hendes tro\b|vores tro\b|deres tro\b|sin tro\b|"
        # faith said as what one believes in, or does not: »og tror på Gud«
        r"(?:tror|troede|troet) (?:ikke )?på (?:gud|guds|allah|jesus|kristus)\b|"
        r"baptist|adventist|mormon|pacifist|militærnægter|samvittighedsnægter|"
        # a choice made from conviction: »vegetar af etiske grunde«
        r"af (?:etiske|religiøse|moralske) (?:grunde|årsager)|af samvittighedsgrunde|"
        # a religious office held: »jeg er imam«
        r"(?:er|var|som|arbejder som|arbejdede som) (?:[a-zæøåéü]+ )?"
        r"(?:imam|rabbiner|pastor|præst|sognepræst|munk|nonne)\b|"
        # a voter of a party or a side: »jeg er konservativ vælger«, »SF-vælger«
        r"(?:konservativ|socialdemokratisk|radikal|liberal|borgerlig)e? vælger\b|"
        r"(?:sf|df|la|venstre|radikal|konservativ|enhedsliste|socialdemokrat)-?vælger\b|"
        # a seat in the parish council is a place in the church
        r"(?:aktiv|sidder|siddet|sad|medlem|valgt) i menighedsrådet)" + W,
        0.8,
        "religiøs, politisk eller filosofisk overbevisning",
    ),
    Term(
        "beliefs.party",
        "beliefs",
        r"(medlem af|medlemmer af|meldt mig ind i|meldt ind i|stemt på|stemmer på|stemte på|"
        r"tilhører|tilhørte|sympatiserer med|"
        r"stemme på|aktiv i|formand for|"
        # standing for a party: »stiller op for Venstre«, »kandidat for SF«
        r"stiller op for|stillede op for|opstillet for|kandidat for|"
        # joining or leaving with any pronoun: »meldte sig ind i SF«, »meldt mig ud af«
        r"(?:meldt|meldte|melder|melde) (?:mig|sig|os|dig|jer) (?:ind i|ud af)|"
        # taking part, said as being in it: »jeg er med i DSU«
        r"(?:er|var|været|blev|blevet) med i)\s+"
        r"(venstre|socialdemokrat|enhedslisten|dansk folkeparti|sf\b|socialistisk folkeparti|"
        r"radikale|det radikale venstre|konservative|det konservative folkeparti|"
        r"de konservative|de radikale|"
        r"liberal alliance|nye borgerlige|moderaterne|danmarksdemokraterne|alternativet|"
        r"kristendemokraterne|kristeligt folkeparti|partiet|min partiforening|"
        # the parties' youth organisations (not »KU« or »VU«: a university, adult education)
        r"dsu\b|danmarks socialdemokratiske ungdom|venstres ungdom|konservativ ungdom|"
        r"radikal ungdom|sfu\b|sf ungdom|socialistisk ungdomsfront|liberal alliances ungdom|"
        r"dansk folkepartis ungdom|dfu\b|enhedslistens ungdom|frie grønne unge|moderat ungdom)" + W,
        0.85,
        "medlemskab af et politisk parti",
        needs="phrase",
    ),
    # --- trade union ----------------------------------------------------------------------
    Term(
        "union.member",
        "trade_union",
        r"(medlem af|meldt ind i|(?:meldt|meldte|melder|melde) (?:mig|sig|os|dig|jer) ind i|"
        r"organiseret i|medlem i|min fagforening|mit forbund|faglige organisation|"
        r"faglig organisation|"
        r"jeg er i|han er i|hun er i|vi er i|"
        r"tillidsrepræsentant "
        r"for|tillidsrepræsentant i|min a-kasse|din a-kasse|hans a-kasse|hendes a-kasse|"
        r"a-kasse,|tillidsvalgt for|tillidsvalgt i|medlem hos|organiseret hos|"
        # »med i Dansk Metal«, »været i 3F i 20 år«, dues paid, the union's own adviser
        r"med i|været i|kontingent til|faglige konsulent i|faglig konsulent i|"
        # leaving a union says one belonged to it
        r"meldte mig ud af|meldt mig ud af|melder mig ud af|meldt ud af|udmeldt af|"
        # help from one's union in one's own case: »jeg har fået hjælp af BUPL«
        r"(?:fået|får|fik) (?:hjælp|råd|rådgivning|bistand|juridisk bistand) (?:af|fra|hos))\s*"
        + _UNIONS
        + W
        + "|"
        # the other unions by name, after the same words
        r"(?:medlem af|meldt ind i|organiseret i|min fagforening|mit forbund|"
        r"tillidsrepræsentant for|tillidsrepræsentant i|tillidsvalgt for|tillidsvalgt i|"
        r"medlem hos|organiseret hos|meldt mig ud af|meldt ud af)\s*" + _MORE_UNIONS + W + "|"
        # a second membership after a first: »medlem af Kristeligt Folkeparti og af Krifa«
        r"medlem af (?:[a-zæøåéü]+\s+){1,4}og (?:af\s+)?"
        + _UNIONS
        + W
        + "|"
        # the union acting for someone: »HK hjælper dig med klagen«
        + _UNIONS
        + r"\s+(?:har\s+)?(hjælper|hjulpet|bistår|bistået|støtter|støttet|repræsenterer|"
        r"rådgiver|rådgivet|vejleder|vejledt|lovet at hjælpe)\s+(mig|dig|ham|hende|os)\b|"
        # the union's view of someone's case: »Djøf siger, at opsigelsen er usaglig«
        # (also in a clause of its own: »BUPL, som mener, at fyringen er usaglig«)
         + _UNIONS + r",?\s+(?:som\s+)?(?:siger|mener|vurderer|skriver|har sagt|har vurderet|"
        r"har skrevet),? at "
        r"(?:jeg|han|hun|min|mit|mine|hans|hendes|opsigelsen|afskedigelsen|fyringen|"
        r"advarslen|bortvisningen)\b|"
        # a dismissal the union calls unfair: »HK mener, at det er usagligt«
        + _UNIONS
        + r",?\s+(?:siger|mener|vurderer|skriver|har sagt|har vurderet),? at (?:det|den) "
        r"(?:er|var) (?:en )?usaglig(?:t|e)?\b|"
        # the union acting on someone's behalf: »HK's henvendelse på dine vegne«
        + _UNIONS
        + r"(?:'s|s)?\s+(?:[a-zæøåéü]+\s+){0,2}på (?:mine|dine|hans|hendes|vores|jeres) vegne\b|"
        # the union taking up someone's case: »FOA har anmeldt det som arbejdsskade«, also
        # as it says it will (»FOA siger, at de vil føre sagen for mig«)
        + _UNIONS
        + r"\s+(?:(?:siger|skriver|lover|har sagt|har lovet),?\s+at\s+(?:de|den|det)\s+)?"
        r"(?:har\s+|vil\s+|skal\s+)?(?:anmeldt|anmelder|anmelde|rejst|rejser|rejse|ført|fører|"
        r"føre|kører|kørt|køre|overtaget|overtager|overtage|taget|tager|tage)\s+"
        r"(?:det|den|skaden|ulykken|(?:min|hans|hendes|vores|deres) sag|"
        r"sagen for (?:mig|ham|hende|os))\b",
        0.9,
        "medlemskab af en fagforening eller a-kasse",
        needs="phrase",
    ),
    Term(
        "union.generic",
        "trade_union",
        # The singular: »min fagforening«, »fagforeningen hjælper mig«; the plural speaks
        # of unions in general (»fagforeningerne«, »tillidsrepræsentanterne«).
        r"(fagforening(en|s)?|fagforbund(et|s)?|tillidsrepræsentant(en)?|tillidsmand(en)?|a-kasse(n|s)?|"
        # one elected by the members at a workplace: »jeg er tillidsvalgt for lærerne«
        r"tillidsvalgt|tillidskvinde(n)?|"
        # one who has long stood in a union: »jeg er gammel fagforeningsmand«
        r"fagforeningsm(?:and|ænd)|fagforeningskvinde|"
        r"arbejdsløshedskasse(n)?|fagligt medlem|faglig repræsentant|faglige? organisation(en)?|"
        # a member named by the union (»jeg er 3F'er«)
        r"(?:3f|hk|foa|dsr|bupl|dlf|djøf|metal)'?er(?:e|ne)?|"
        # »3F-medlem«, »HK-medlem«
        r"(?:3f|hk|foa|dsr|bupl|dlf|djøf|metal|krifa|ase)-?medlem)\b",
        0.75,
        "fagforeningsmæssigt tilhørsforhold",
        unless_after_word=("ingen", "uden"),  # »jeg har ingen a-kasse«
    ),
    # --- criminal -------------------------------------------------------------------------
    Term(
        "criminal.offence",
        "criminal",
        r"(dømt|dom for|domme for|dommen for|domfældt|fængsel|fængslet|afsonet|afsoner|afsoning|løsladt|"
        r"statsfængsel|arresthus|arresten|i arrest\b|varetægt|anholdt|sigtet|sigtelse|tiltalt|tiltale|"
        r"politianmeld|anmeldt til politi(?:et)?\b|anmeldt for|afhørt|afhøring|straffeattest|straffet|"
        # the police taking a report, or calling what someone did unlawful
        r"politiet (?:har )?(?:taget|modtaget|optaget) (?:imod )?(?:min |hans |hendes |vores |"
        r"deres )?anmeldelse(?:n)?\b|politiet (?:siger|mener|har sagt|vurderer),? (?:at )?det er "
        r"(?:ulovligt|strafbart)|"
        r"betinget dom|ubetinget|samfundstjeneste|fodlænke|kriminel\b|kriminelle\b|idømt|"
        # (theft, burglary, robbery, fraud and assault: criminal.compound, also as a
        # compound's head)
        r"stjålet|stjæler|stjal|tyv\b|vold mod|voldelig|"
        r"sælger hash|narko|pusher|bødestraf|hærværk mod|stalk|"
        # stalking told as what is done: »har fulgt efter min datter hjem hver dag« (not
        # »min lillesøster følger efter mig«: no way or time of it)
        r"(?:fulgt|følger|fulgte) efter (?:mig|os|ham|hende|dem|(?:min|mit|mine|vores|hans|"
        r"hendes|sin|sit|sine) [a-zæøåéü]+) (?:hjem|hver dag|hver aften|flere gange|i ugevis)|"
        r"anmeldt forholdet|anmeldt ham|anmeldt hende|voldsdømt|sædelighed|blufærdighed|"
        r"blottet sig|blotter sig|blottede sig|"
        # threats and violence against a person, and what follows an offence: a
        # restraining order, a driving ban by judgment, a fine for drunk driving
        r"trusler mod|dræbstrussel|dødstrussel|"
        r"udsat for vold|udsat for psykisk vold|psykisk vold|"
        # someone named between the verb and the violence: »min mand udsætter mig for vold«,
        # »han har udsat hende for vold«
        r"(?:udsætter|udsatte|udsat) (?:mig|os|hende|ham|dem|min [a-zæøå]+|mine [a-zæøå]+|"
        r"vores [a-zæøå]+) for (?:psykisk |fysisk )?vold|"
        r"blevet slået|slået ned|tæsk|voldtægt|voldtaget|røvet|mishandl|vold i hjemmet|"
        r"tævet|tævede|gennembanket|banket op|sparket ned|sparket i hovedet|"
        r"overværet vold|partnervold|polititilhold|tilhold|opholdsforbud|frakendt|"
        r"kontaktforbud|forbud mod at kontakte|forbud mod at komme (?:i )?nær|bandemedlem|med i en bande|rocker\b|rockerne\b|"
        # in a gang, said with the verb of being or of getting in or out
        r"(?:er|var|blevet|kommet|kom|gik) (?:med )?i (?:en )?bande\b|ud af (?:en )?bande(?:n)?\b|"
        # a driver who left the scene: a hit and run
        r"(?:flygtede|flygtet|kørte|stak af) fra (?:stedet|ulykkesstedet|uheldsstedet)|flugtbilist|"
        # the same said of the driver, without the place: »Bilisten kørte videre«
        r"(?:bilisten|føreren|bilen) (?:bare |så |bagefter )?(?:kørte videre|stak af)|"
        # something of someone's smashed: »har smadret vores postkasse« (not »jeg er helt
        # smadret«: worn out)
        r"(?:smadret|smadrede|smadrer) (?:vores|min|mit|mine|hans|hendes|deres|naboens|ruden|"
        r"ruderne|vinduet|vinduerne)\b|"
        r"spritkørsel|spirituskørsel|promillekørsel|kørte spirituspåvirket|"
        # a red light run (an offence under the road traffic act)
        r"(?:kørte|kørt|kører|køre|kørende) (?:[a-zæøåéü]+ )?over for rødt|"
        # a fine from the police (not a parking fine from the municipality)
        r"bøde (?:på [0-9][0-9.,]* kr\.? )?(?:fra|af) politiet|politibøde|bødeforelæg|"
        # a penalty notice, the noun only (not »forelægge sagen«: to put before)
        r"forelæg(?:get|gene)?\b|"
        # a visit to the police about a case; nude pictures used to threaten someone
        r"(?:været|var) (?:nede )?hos politiet|"
        r"(?:truer|truede|truet) (?:[a-zæøå]+ ){0,2}med at (?:dele|sprede|offentliggøre|lægge ud) "
        r"(?:dem|billederne|billeder|videoen|videoer)\b|"
        # drunk at the wheel said as a state, points on a licence, a stranglehold, robbed of
        # a thing, known to the police, caught doing something
        r"taget med stjålne|stjålne varer|tyvekoster|"
        r"spirituspåvirket tilstand|klip i (?:kørekortet|sit kørekort|mit kørekort|hans "
        r"kørekort|hendes kørekort)|kvælertag|franarret|frarøvet|kendt af politiet|"
        r"(?:taget|snuppet|fanget|knaldet) for (?:at )?(?:stjæle|stjålet|tyveri|butikstyveri|"
        r"køre|hærværk|vold|indbrud|spirituskørsel|spritkørsel|at ryge|at sælge)|"
        # stabbed, broken into, seized by the police, brought before a court, a sentence
        # with its length, fleeing the scene, abuse said with »forgribe sig«
        r"stukket med (?:en )?kniv|brudt ind|brød ind|"
        r"bryder ind|beslaglagt|beslaglæggelse|(?:skal|kommer|kom|stillet) for retten|"
        r"straffesag|voldssag|narkosag|(?:en|dommen|sin|hans|hendes) dom på|"
        r"flygtet fra (?:stedet|ulykkesstedet|gerningsstedet)|flugtbilist|"
        r"forgrebet sig|forgreb sig|forgribe sig|forgriber sig|"
        # abuse done to someone: »udsat min datter for overgreb«, »overgreb mod hende«
        r"udsat (?:[a-zæøåéü]+ ){0,2}for (?:seksuelle )?overgreb|overgreb mod (?:mig|ham|hende|"
        r"os|min|mit|mine|hans|hendes|sin|sit|sine|vores)\b|"
        r"politiets efterforskning|efterforskning|efterforsker|udvist ved dom|"
        # prison and probation as said in speech: »sidder inde«, »Kriminalforsorgen«
        r"sidder inde|sad inde|sidde inde|kriminalforsorg|prøveløsla|afsone|bødeforlæg|"
        r"på prøve efter|ungdomssanktion|fotograferet af politiet|"
        # arrested, said as what the police did; the hearing that follows an arrest; a
        # fine given with its amount (»en bøde på 3.000 kr. for at køre uden forsikring«)
        r"taget af politiet|hentet af politiet|grundlovsforhør|"
        # the same said with the police as the subject, and the case that follows: »politiet
        # kom og hentede min søn«, »en sag på halsen«, »anklagemyndigheden«, a defence
        # lawyer, a sentence named by its offence, caught in the act
        r"politiet (?:[a-zæøå]+ ){0,4}(?:hentede|hentet|anholdt)\b|"
        r"sag på halsen|anklagemyndighed|forsvarsadvokat|"
        r"(?:fået|få|får|fik|har|beskikket) (?:en )?forsvarer\b|"
        r"(?:volds|fængsels|narko|drabs|voldtægts)dom|politiets søgelys|"
        r"taget i at (?:stjæle|snyde|køre|sælge|ryge|bryde)|siddet inde|været inde for|"
        # over the limit, or the licence lost: »blæste for meget«, »mistet sit kørekort«
        r"(?:blæste|blæst|blæse|puste|pustede) (?:for meget|over|rødt)|"
        r"(?:mistet|miste|mistede) (?:sit|mit|hans|hendes|dit|vores|deres) kørekort|"
        # undeclared work, benefit fraud
        r"arbejder sort|arbejdet sort|arbejde sort|sort arbejde|socialt bedrageri|socialbedrageri|"
        # cruelty to an animal, and being cheated of money, are offences too
        r"(?:slår|slog|slået|sparker|sparkede|sparket) (?:sin|sine|hans|hendes|deres) "
        r"(?:hund|hunde|kat|katte|hest|heste|dyr)|dyremishandling|vanrøgt|"
        r"blive snydt|blevet snydt|bliver snydt|blev snydt|svindlet|svindler|svindel|"
        # benefits cheated on (not »kommunen snyder med vores overtid«), stolen goods
        r"(?:snyd|snyde|snyder|snydt|snød) med (?:[a-zæøå]+ )?(?:ydelse|kontanthjælp|"
        r"dagpenge|sygedagpenge|boligstøtte|boligsikring|pension|førtidspension|su\b|"
        r"børnepenge|børnecheck)|hæleri|hælervare|"
        # fraud by phone: talked into transferring money, a false bank adviser
        r"(?:lokket|narret|presset|snydt|manipuleret) til at (?:overføre|betale|give)|"
        r"falsk(?:e)? (?:bank[a-zæøå]*|betjent|politibetjent|håndværker|sælger|læge|"
        r"medarbejder)|"
        # money taken from one's account by someone unnamed: »der er hævet 80.000 kr. fra
        # hans konto« (not »jeg har hævet«)
        r"(?:er|blev|blevet) hævet [0-9][0-9.,]* kr\.? fra (?:min|mit|hans|hendes|vores|deres) "
        r"konto|"
        # someone's card or account used without leave: »brugt mit dankort uden lov«
        r"(?:brugt|brugte|bruger|hævet|hævede) (?:min|mit|mine|hans|hendes|vores|deres|sin|sit) "
        r"(?:[a-zæøå]+ )?(?:dankort|kort|kreditkort|betalingskort|konto|mobilepay|netbank)"
        r" uden (?:lov|tilladelse|at spørge)\b|"
        # the writer's things smashed by someone: »smadrede han min postkasse«, »nogen har
        # smadret vores bil« (not »stormen smadrede vores drivhus«, nor one's own record)
        r"(?:smadrede|smadrer) (?:han|hun|de) (?:min|mit|mine|vores)\b|"
        r"(?:nogen|han|hun|de) (?:har |havde )?(?:smadret|smadrede) (?:min|mit|mine|vores)\b|"
        # sexual offences
        r"seksuelle krænkelser|seksuel krænkelse|seksuelt krænket|krænket seksuelt|"
        r"seksuelt misbrug|seksuelle overgreb|seksuelt overgreb|blottede sig|blotter sig|"
        # growing or dealing drugs, in any tense, up to three words between verb and drug
        # (»solgt« only after »har«: »der bliver solgt narko« names no one)
        r"(?:dyrke|dyrker|dyrket|dyrkede|sælge|sælger|har solgt|havde solgt|solgte|handle med|"
        r"handler med|handlet med|handlede med|dealer med|dealede med)\s+(?:[a-zæøåéü]+\s+){0,3}"
        r"(?:hash|cannabis|skunk|kokain|amfetamin|stoffer|narko)|"
        r"dealer med|nøgenbilleder|nøgenbillede|intime billeder|hævnporno|"
        # a verdict of guilty or not, a search of one's home, a suspicion
        r"(?:kendt|fundet|erklæret|erkendte sig|erkendt sig|erkender sig|nægter sig|nægtede sig)"
        r" skyldig|frikendt|frifundet|ransag|mistænkt for|mistænkes for|under mistanke|"
        # offences by their names in law and speech
        r"underslæb|skattesvig|skattesvindel|momssvindel|dokumentfalsk|afpres|bestikkelse|"
        r"hæleri|brandstiftelse|ildspåsættelse|myrdet|manddrab|drabsforsøg|drabet på|"
        # arson said with the verb (not »sat ild til bålet«: what one lights on purpose)
        r"(?:sat|satte|sætter) ild (?:til|på) (?:sit|sin|sine|hans|hendes|vores|deres|min|mit|"
        r"mine|naboens|huset|bilen|skuret|containere|containerne|skolen|en bil|et hus|et skur)\b|"
        # what the police did to someone, a warning given, driving without a licence
        r"(?:pågrebet|tilbageholdt|visiteret|anholdt|sigtet) af politiet|pågrebet|pågreb\b|"
        # stopped carrying what the law forbids: »stoppet af politiet med en kniv i lommen«
        r"(?:stoppet|taget|fanget|visiteret) (?:af politiet )?med (?:en kniv|kniv|et våben|våben|"
        r"en pistol|hash|stoffer|kokain)\b|"
        r"advarsel (?:fra|af) politiet|"
        # the same said with the police as the subject: »politiet har givet dig en advarsel«
        r"politiet (?:har )?(?:givet|gav|giver) (?:mig|dig|ham|hende|os|dem|min [a-zæøå]+|"
        r"hans [a-zæøå]+|hendes [a-zæøå]+) (?:en )?(?:advarsel|bøde|påtaleopgivelse)\b|"
        # a child taken abroad without the other parent's consent: »taget vores datter med
        # til Spanien uden min tilladelse«
        r"med (?:til|ud af) (?:[a-zæøåéü]+ ){1,2}uden (?:min|mit|hans|hendes|vores|deres|"
        r"faderens|moderens|farens|morens) (?:tilladelse|samtykke|accept)\b|"
        r"(?:kørt|kører|kørte|køre|kørende)\s+(?:[a-zæøåéü]+\s+){0,6}uden (?:kørekort|førerret|"
        r"nummerplade)|"
        # a life in crime, and crimes committed
        # money taken from someone (»har taget penge fra hans pung«), drugs found on someone
        r"(?:taget|tog|tager|stjæler) (?:[a-zæøåéü]+ ){0,2}penge fra (?:hans|hendes|min|mine|"
        r"vores|sin|sine|deres|mig|ham|hende|os)\b|"
        # a thing of someone's taken, a trickster posing as someone
        r"(?:taget|tog|tager|stjal|stjålet) (?:[a-zæøåéü]+ ){0,2}(?:hans|hendes|min|mine|vores|"
        r"deres) (?:kontanter|"
        r"pung|smykker|penge|pengekasse|dankort|telefon)|"
        r"(?:udgav|udgiver|udgivet) sig for at være|(?:gav|giver|givet) sig ud for at være|"
        # the same as an unknown caller says it: »en der ringede og sagde, han var fra
        # banken« (not »min nabo sagde, han var fra kommunen«)
        r"(?:ringede og|der|som) sagde,? (?:han|hun|de) var fra (?:politiet|banken|nets|skat|"
        r"skattestyrelsen|"
        r"kommunen|mitid|nemid|udbetaling danmark)\b|"
        r"(?:giver|gav|givet|sælger|solgte) (?:hende|ham|dem|min|mit|mine) (?:alkohol og |sprut og )?"
        r"(?:stoffer|hash|kokain|narko|piller)\b|"
        r"(?:fandt|fundet|fanget med|taget med|tog ham med|tog hende med) (?:[a-zæøåéü]+ ){0,2}"
        r"(?:hash|kokain|amfetamin|stoffer|narko|ecstasy)\b|"
        # a loan or a subscription taken out in someone else's name: identity theft
        r"(?:oprettet|oprettede|lavet|lavede|taget|tog|optaget|optog|åbnet|åbnede) "
        r"(?:et |en )?(?:[a-zæøåéü\-]+ )?(?:lån|kviklån|abonnement|[a-zæøå]+abonnement|kredit|"
        r"konto|kreditkort)(?: på [0-9.,]+ kr\.?)? i (?:mit|hans|hendes|vores|deres) navn|"
        # a forced marriage; the police on the case; a case handed to the police; nude
        # pictures taken or shared
        r"tvangsgift|tvangsægteskab|politiet har (?:sagen|fået sagen|overtaget sagen)|"
        r"sagen ligger hos politiet|politiet undersøger|politiet gør (?:ingenting|ikke noget|intet)|"
        # a police case number given
        r"politiets journalnummer|journalnummer hos politiet|politiet har journalnummer|"
        r"fotograferet nøgen|filmet nøgen|nøgenfotos|nøgne billeder|uden tøj på|"
        r"nøgen (?:video|videoer|billede|billeder|foto|fotos)\b|nøgenvideo|"
        r"(?:billeder|fotos|video|videoer|film) af (?:hende|ham|dem|min datter|min søn) uden tøj|"
        # caught, in slang
        r"busted|strisserne|strissere|panserne|snuppet af|"
        r"taget alle (?:mine|hans|hendes|vores|sine|deres) penge|"
        r"(?:misbruger|misbrugt|misbrugte|misbruge) (?:mine|hans|hendes|vores|sine|deres) penge|"
        r"hashplantage|cannabisplantage|hashplanter|cannabisplanter|"
        # deceived, loans taken in someone's name, wages paid under the table, abuse of the
        # old or of children
        r"bedraget af|blevet bedraget|lån i (?:hendes|hans|mit|min|sit|deres|vores) navn|"
        r"(?:udbetaler|udbetalt|udbetalte|betaler|betalt|betalte) (?:resten |halvdelen |lønnen |"
        r"det |mig |ham |hende )?sort\b|resten sort\b|under bordet|"
        r"ældremishandling|børnemishandling|konemishandling|"
        # a person exploited: »vi tror, han bliver udnyttet«
        r"(?:bliver|blevet|blev) udnyttet\b|udnytter (?:ham|hende|min|mit|mine|os|dem)\b|"
        # grooming: an adult asking a child for pictures
        r"knivstik|knivstukket|stukket ned|skudt ned|gerningsmand|gerningsmændene|"
        # violated by someone: »blevet krænket af en ældre elev« (not »føler mig krænket«)
        r"(?:er|blev|blevet) krænket af (?:en|et|sin|hans|hendes|min|nogle|to|tre)\b|"
        r"grooming|groomet|beder (?:ham|hende|min søn|min datter) om (?:billeder|fotos|nøgenbilleder)|"
        # driving drunk, said with the verb
        r"(?:kørt|kører|køre|kørende) (?:spiritus|narko)påvirket|(?:kørt|kører|kørte|køre) fuld\b|"
        r"ungdomskriminalitetsnævn|kriminalitetsnævn|(?:havnet|havner|endt|endte|ender|ude|ud|involveret|kommet) i "
        r"kriminalitet|(?:begik|begået|begår|begå)\s+(?:[a-zæøåéü]+\s+){0,2}(?:kriminalitet|"
        r"forbrydelse|lovovertrædelse|drab|vold|indbrud|tyveri|bedrageri|røveri))" + W,
        0.8,
        "strafbare forhold (dom, sigtelse, anmeldelse eller mistanke)",
    ),
    Term(
        "social.caseworker",
        "social_economic",
        # someone's own caseworker: a case in the social or employment administration
        r"(min|mit|hans|hendes|sin|din|vores|deres|jeres) (sagsbehandler|socialrådgiver|"
        r"jobkonsulent|kontaktperson|koordinerende sagsbehandler)\b",
        0.7,
        "en sag i social- eller beskæftigelsesforvaltningen",
        # not a case about a building, a permit or a tax
        unless_followed_by=(
            "på byggesag",
            "i byggesag",
            "i teknisk",
            "på min byggesag",
            "på vores byggesag",
            "i skat",
            "hos skat",
            "på ejendom",
        ),
    ),
    Term(
        "criminal.sentence",
        "criminal",
        # someone's sentence: »efter sin dom«, »hans domme«
        r"(sin|sine|hans|hendes|min|mine|din|dine|deres) (dom|domme|dommen)\b",
        0.8,
        "strafbare forhold (en dom)",
        # »min dom over planen«: an opinion
        unless_followed_by=("over", "er at", "er, at"),
    ),
    Term(
        "criminal.threat",
        "criminal",
        r"(truet|truede|truer (?:mig|os|dig|hende|ham|dem)|"
        r"truende (?:over for|overfor|mod) (?:os|mig|ham|hende|dem|personalet))\b",
        0.8,
        "strafbare forhold (trusler)",
        # »truet med at stoppe min kontanthjælp«: a lawful step announced, no threat
        unless_followed_by=("med at", "med en fyring", "med fyring", "med opsigelse"),
    ),
    Term(
        "criminal.threat",
        "criminal",
        # a threat of violence: »truede med at slå os ihjel«
        r"(truet|truede|truer) med at (slå|dræbe|skyde|stikke|brænde|tæve|banke|smadre|"
        r"voldtage|kidnappe|bortføre|skade|gøre (?:mig|os|hende|ham|dem) fortræd)\b",
        0.8,
        "strafbare forhold (trusler)",
        needs="phrase",
    ),
    Term(
        "criminal.reported",
        "criminal",
        # a case handed to the police is someone's: »Kommunen har sendt sagen til politiet«
        r"(sendt|sender|oversendt|overgivet|givet) sagen (videre )?til politiet\b|"
        # threats received
        r"(?:får|fik|fået|modtager|modtaget|modtog) (?:han |hun |jeg |vi )?(?:flere |mange |grove )?"
        r"trusler\b",
        0.8,
        "strafbare forhold (anmeldelse)",
        needs="phrase",
    ),
    Term(
        "criminal.reported",
        "criminal",
        # someone reported to the police, said without the police: »Ejeren er anmeldt«
        r"(er|blevet|blev|bliver) (politi)?anmeldt\b",
        0.75,
        "strafbare forhold (anmeldelse)",
        needs="phrase",
        # notified to an authority or an insurer, or reviewed: not a report of a crime
        unless_followed_by=(
            "til kommune",
            "hos kommune",
            "til skat",
            "til bygningsmyndig",
            "som ",
            "i avisen",
            "i bladet",
            "til at",
            "for støj",
            "til boligsel",
            "til forsikring",
            "til arbejds",
        ),
        # what is reported is a thing, not a person: »skaden er anmeldt«
        unless_after_word=(
            "skaden",
            "ulykken",
            "byggeriet",
            "arbejdsskaden",
            "sagen",
            "forholdet",
            "det",
            "den",
            "bogen",
            "filmen",
            "forestillingen",
            "koncerten",
            "arrangementet",
            "mødet",
            "demonstrationen",
            "flytningen",
            "dødsfaldet",
            "fødslen",
            "tyveriet",
            "indbruddet",
            "hærværket",
            "skaderne",
            "sygdommen",
            "arbejdet",
            "projektet",
            "fejlen",
            "fejlene",
        ),
    ),
    Term(
        "criminal.fine",
        "criminal",
        # a fine given with its amount (»en bøde på 3.000 kr. for at køre uden forsikring«)
        r"bøde for|bøde på [0-9][0-9.,]*\s*(?:kr\.?\s*)?for",
        0.8,
        "strafbare forhold (en bøde)",
        # a parking fine or a fare dodged (a control fee) is no criminal matter
        unless_followed_by=(
            "ulovlig parkering",
            "parkering",
            "at parkere",
            "forkert parkering",
            "fejlparkering",
            "at holde",
            "at køre uden billet",
            "at køre uden gyldig billet",
            "manglende billet",
            "at glemme sit buskort",
            "at glemme sit rejsekort",
            "at glemme sin billet",
            "at cykle uden lys",
            "at cykle over for rødt",
            # asked, not told: »Kan jeg få en bøde for det?«
            "det?",
        ),
    ),
    Term(
        "criminal.beaten",
        "criminal",
        r"(bliver|blev|er blevet|blevet) (slået|sparket|skubbet)\b",
        0.8,
        "strafbare forhold (vold)",
        unless_followed_by=("op", "fast", "sammen", "af banen", "ud af", "til", "fra"),
    ),
    Term(
        "criminal.hit",
        "criminal",
        # hitting someone (not »slog mig ned«, settling somewhere, nor »slå op«)
        r"(slog|slået|slår) (mig|ham|hende|os|dem|min|mit|mine|vores|sin|sine|personalet|"
        r"medarbejderne|en medarbejder|kollegerne|en kollega|pædagogen|pædagogerne|læreren|"
        r"lærerne|hjælperen|hjemmehjælperen|betjenten)\b",
        0.8,
        "strafbare forhold (vold)",
        unless_followed_by=("ned", "op", "fast", "sammen", "løs", "igennem", "frem", "til"),
    ),
    Term(
        "criminal.reported",
        "criminal",
        # A report to the police with words in between: »anmeldt min nabo til politiet«,
        # »meldt det til politiet«, »har politiet i går anholdt«; second-language Danish
        # leaves out the article (»vi har anmeldt det til politi«). A call to the police
        # made is a report too (»vi har ringet til politiet«; not the imperative »ring«).
        r"(anmeldt|anmeldte|anmelde|meldt|meldte|melde|ringet|ringede)\s+"
        r"(?:[a-zæøåéü]+\s+){0,3}til politi(?:et)?\b|"
        r"politiet\s+(?:[a-zæøåéü]+\s+){0,3}(anholdt|sigtet|tiltalt|afhørt|varetægtsfængslet|"
        r"anmeldelse)|"
        # the police told of what happened: »Politiet er underrettet«
        r"politiet er (?:blevet )?(?:underrettet|orienteret|tilkaldt|informeret)|"
        # violence with the victim in between: »slået min søn ned«, »sparket ham ned«
        r"(slået|slog|sparket|sparkede|skubbet|skubbede)\s+(?:" + _BEFORE_A_NOUN + r"\s+|"
        # (not »os«: »vi har slået os ned i Ishøj« is settling there)
        r"mig\s+|dig\s+|ham\s+|hende\s+|dem\s+){1,2}(?:[a-zæøåéü]+\s+)?ned\b",
        0.8,
        "strafbare forhold (anmeldelse eller sigtelse)",
    ),
    Term(
        "criminal.reported",
        "criminal",
        # A report said without the police, who are the ones one reports to: »Vi har
        # anmeldt det, men ...« (not to anyone else: »anmeldt det til forsikringen«).
        r"(?:vi|jeg|han|hun|de|i) har (?:nu |også |allerede |straks )?anmeldt (?:det|ham|hende|"
        # the report's end: a mark or the next clause (not »anmeldt det hul i vejen«)
        r"dem|sagen|episoden|overfaldet|tyveriet|indbruddet|forholdet)(?:[.,!?;]| og\b| men\b)",
        0.75,
        "strafbare forhold (anmeldelse)",
        needs="phrase",
        unless_followed_by=(
            "til kommunen",
            "til skolen",
            "til forsikring",
            "til arbejdstilsynet",
            "til boligforeningen",
            "til boligselskabet",
            "til udlejer",
            "til tilsynet",
            "til styrelsen",
            "til ankestyrelsen",
            "til datatilsynet",
            "som",
        ),
    ),
    # --- genetic / biometric --------------------------------------------------------------
    Term(
        "genetic.biometric",
        "genetic_biometric",
        r"(gentest|genetisk|genundersøgelse|dna|arveanlæg|arvelig|fingeraftryk|"
        r"ansigtsgenkendelse|ansigtsscanning|biometri|irisscanning|stemmeprofil|"
        # one's face kept or scanned: »at de må gemme mit ansigt«
        r"(?:gemme|gemmer|gemt|registrere|registrerer|registreret|scanne|scanner|scannet) "
        r"(?:mit|hans|hendes|dit|vores|deres|sit|min søns|min datters) ansigt\b|"
        # the other way round: »min søns ansigt er blevet scannet«
        r"(?:mit|hans|hendes|dit|sit|(?:min|hans|hendes|sin|vores) [a-zæøå]+s) "
        r"(?:ansigt|fingeraftryk|iris) (?:er|blev|bliver) (?:blevet )?(?:scannet|registreret|"
        r"gemt)\b|"
        r"faderskabstest|faderskab|genfejl|genmutation|mutation|kromosom|"
        r"fragilt x-syndrom|fragilt x|brca|"
        # a newborn's heel-prick sample, screened for hereditary disease and kept in a
        # biobank
        r"biobank|pku|hælprøve|nyfødtscreening|"
        # tests of an unborn child's chromosomes
        r"fostervandsprøve|moderkageprøve|moderkagebiopsi|kromosomundersøgelse|"
        # tested for a gene named by its disease: »testet for brystkræftgenet«
        r"(?:testet|testes|teste) for [a-zæøåéü]*gen(?:et|er|erne)?\b|"
        # a carrier of a gene, named or not: »bærer af BRCA1-genet«, »bærer af et gen for«
        r"bærer af [^.!?\n]{0,25}gen(?:et|er|erne)?\b|"
        # a carrier of a hereditary disease, said of someone: »jeg er bærer af cystisk
        # fibrose«
        r"(?:er|var|blevet testet som) bærer af\b)" + W,
        0.85,
        "genetiske eller biometriske oplysninger",
    ),
    # --- social and economic circumstances ------------------------------------------------
    Term(
        "social.benefits",
        "social_economic",
        r"(kontanthjælp|førtidspension|sygedagpenge|dagpenge|uddannelseshjælp|"
        # (help for a single expense, the law's »hjælp til enkeltudgifter«)
        r"integrationsydelse|selvforsørgelses|boligstøtte|boligsikring|enkeltydelse|enkeltudgift|"
        r"hjemrejseydelse|overgangsydelse|uddannelsesydelse|introduktionsydelse|boligydelse|"
        r"barselsdagpenge|barselspenge|"
        # activation, the duty that comes with a benefit: »fri fra aktiveringen«
        r"aktiveringsforløb|(?:i|til|fra) (?:tvungen )?aktivering(?:en)?\b|"
        r"fleksjob|flexjob|ledighedsydelse|ressourceforløb|jobafklaringsforløb|jobafklaring|revalidering|"
        r"tabt arbejdsfortjeneste|merudgift|friplads|økonomisk friplads|"
        r"overførselsindkomst|folkepension|min pension|hans pension|hendes pension|"
        # (as a letter to one person says it: »da din pension er under grænsen«)
        r"din pension|sin pension|"
        r"integrationsplan|integrationsprogram|er ledig\b|blev ledig\b|bliver ledig\b|blevet ledig\b|arbejdsledig|"
        r"været ledig\b|ledig siden\b|uden arbejde\b|uden job\b|"
        r"aktivlov|bevilget [0-9.,]+ kr|bevilger [0-9.,]+ kr|"
        r"bevilger (?:vi|kommunen) (?:dig |jer |ham |hende )?[0-9.,]+ kr|"
        r"arbejdsløs|sagt op|mistede mit job|"
        r"(?:mistet|mistede|miste|mister) (?:både )?(?:mit|sit|dit|hans|hendes|vores|deres|jeres) "
        r"(?:arbejde|job|fleksjob)|"
        # or one's place as an apprentice or a trainee: »han mister sin lærlingeplads«
        r"(?:mistet|mistede|miste|mister) (?:min|sin|din|hans|hendes) (?:lærlingeplads|"
        r"læreplads|elevplads|praktikplads)|(?:mistet|mistede|miste|mister) (?:jobbet|arbejdet)|"
        r"tilbagebetaling af (?:for meget|kontanthjælp|dagpenge|sygedagpenge|boligstøtte|"
        r"boligydelse|ydelse|hjælp|pension|førtidspension|børneydelse|børnepenge)|"
        # work placements through the job centre, a student's grant
        r"virksomhedspraktik|i løntilskud|job med løntilskud|ansat med løntilskud|"
        r"(?:praktik|jobsamtaler?|jobsamtalerne|kursus|forløb|aktivering) (?:via|gennem) "
        r"jobcentret|"
        # help in particular cases (the Act on Active Social Policy, ch. 10) and proof of
        # having nothing: means-tested help
        r"hjælp i særlige tilfælde|"
        # help with a deposit for a home, a loan from the municipality paid back
        r"(?:hjælp|lån) til (?:et )?depositum|betales tilbage|tilbagebetales|"
        r"ikke har nogen formue|ikke har formue|ingen formue|"
        # one's own course or adviser at the job centre
        r"(?:mit|sit|hans|hendes) jobcenter|"
        r"jobcentrets (?:forløb|uddannelsesforløb|aktivering|tilbud til mig)|"
        # (not »efterløn« alone: gone into early retirement, as a pensioner is retired,
        # tells no circumstances; living on it does, below)
        r"på su\b|su-lån|min su\b|sin su\b|hans su\b|hendes su\b|seniorpension|"
        # living on a benefit; one's own benefit; an old benefit's name; a dismissal notice
        r"lever af (?:(?:sin|min|hans|hendes|vores|deres) )?(?:su|dagpenge|pension|"
        r"kontanthjælp|sygedagpenge|efterløn|folkepension|førtidspension)\b|(?:min|vores|hans|hendes|sin|deres) ydelse\b|"
        r"starthjælp|fyreseddel|fyresedlen|"
        r"(?:få|får|fik|fået) su\b|"
        # help to pay, living on a pension
        # (»fp«: førtidspension, as those on it write it)
        r"hjælp til at betale|(?:er|var) på (?:pension|førtidspension|fp|folkepension|efterløn|"
        r"kontanthjælp|dagpenge|sygedagpenge)\b|"
        r"tidlig pension|helbredstillæg|varmetillæg|varmehjælp|varmecheck|personligt tillæg|ældrecheck|"
        r"opsagt fra|"
        # child benefits, a sum to pay back
        r"børneydelse|børnefamilieydelse|børnecheck|børnetilskud|børnepenge|"
        r"betale [0-9][0-9.,]* kr\.? tilbage|betale pengene tilbage)" + W,
        0.8,
        "sociale ydelser eller beskæftigelse",
    ),
    Term(
        "social.debt",
        "social_economic",
        r"(gæld(?:en|s?sanering|sbrev|sat|sinddrivelse)?\b|skylder|skyldte|restance|huslejerestance|bagud med|inkasso|fogeden|"
        # not money enough to live on: »vi får ikke nok penge«, »har ikke penge nok«
        r"(?:får|fik|har|havde) ikke (?:nok penge|penge nok|nok at leve for|nok at leve af)|"
        r"fogedret|udsættelse|sat ud|smidt ud af lejlighed|smidt ud af boligen|smidt ud af huset|"
        r"smidt ud af (?:sin|min|hans|hendes|vores|deres|din) (?:lejlighed|bolig|hus|værelse)|"
        r"ikke (?:har |havde )?betalt husleje|sover (?:nu )?på (?:min|vores|hans|hendes|deres) sofa|"
        r"smidt ud hjemmefra|smidt hjemmefra|sover i en opgang|sover i opgange|"
        r"ingen steder at (?:tage hen|bo|gå hen|være)|intet sted at (?:tage hen|gå hen)|"
        r"udsat af|tvangsauktion|betalingsanmærkning|"
        # a debtor registered, a wage garnished (not a reminder: one for a library book
        # or a tax is no debt of one's circumstances)
        r"rki\b|skyldnerregist|lønindeholdelse|personlig konkurs|"
        r"gældssanering|ikke råd til|har ikke råd|fattig|"
        # making money last, said of one's own: »få pensionen til at slå til«, »det løber
        # ikke rundt«; an account in the red; paying off a debt by instalments; money short
        r"(?:få|får|fik|fået) (?:det|pengene|pensionen|økonomien|lønnen|ydelsen|budgettet|"
        r"enderne) til at (?:løbe rundt|slå til|hænge sammen|mødes)|"
        r"(?:det|økonomien|pengene|budgettet) (?:løber|hænger) ikke (?:rundt|sammen)|"
        r"står i minus|i minus på (?:min|sin|hans|hendes|vores|deres) konto|afdragsordning|"
        r"mangler (?:vi|jeg|han|hun|de) penge|(?:vi|jeg|han|hun|de) mangler penge|"
        # a bill still unpaid: »jeg mangler at betale husleje for to måneder«
        r"mangle[rt]? at betale (?:husleje|huslejen|regninge[rn]|el|varme|gas|vand|"
        r"børnehave|daginstitution|skat)|"
        # living on nothing but a pension or a benefit; no wage; not afforded
        r"(?:(?:kun|bare) (?:har|får)|(?:har|får) (?:kun|bare)) (?:sin|min|hans|hendes|vores|"
        r"deres) (?:(?:kones|mands|kærestes|forældres|fars|mors) )?(?:pension|folkepension|"
        r"førtidspension|dagpenge|sygedagpenge|su|kontanthjælp|efterløn)\b|"
        r"får ingen (?:løn|dagpenge|barselsdagpenge|sygedagpenge|barselspenge|indtægt|su|"
        r"kontanthjælp|ydelse|pension)\b|"
        r"(?:orlov|fri|er|står|stod|været|gået) uden løn\b|"
        r"ikke fået (?:min|sin|hans|hendes|vores|deres) løn|ikke haft råd|"
        # with an adverb between: »ikke længere har råd til«, »har ikke længere råd«
        r"ikke (?:længere|mere|rigtig|altid) har råd|har ikke (?:længere|mere|rigtig|altid) råd|"
        # »vi har ikke selv råd til begravelsen«; no money and no savings said plainly
        r"(?:har|havde) ikke (?:selv|engang) råd|(?:har|havde) ingen penge\b|ingen opsparing\b|"
        r"husstandsindkomst|indkomst|løn på|min løn|din løn|lønnen|før skat|"
        r"(?:vores|hans|hendes|sin) løn\b|"
        # help sought with a bill: »søgt om hjælp til betaling af din elregning«
        r"hjælp til (?:betaling|at betale)\b|"
        r"(?:kr\.?|kroner) i timen|"
        # income said as »indtægt«, or as earning little with the earner said before
        # (»er gået ned i tid og tjener mindre nu«; »jeg tjener« is social.earnings)
        r"(?:min|vores|hans|hendes|deres|sin|din|jeres) (?:samlede )?indtægt|"
        r"tjener (?:nu |stadig |stadigvæk |desværre )?(?:mindre|kun|under|for lidt|ikke nok)\b|"
        # fewer hours, less pay, done (not wished for: »vil ikke lade mig gå ned i tid«)
        r"(?:gået|gik|måttet gå) ned i (?:tid|timer|løn)\b|"
        # what is left to live on after the fixed costs
        r"rådighedsbeløb|at leve for|tilbage at leve|tilbage om måneden|"
        # a bill one cannot pay, money borrowed to get by, a bankruptcy
        r"ikke kan betale|kan ikke betale|ikke kunne betale|kunne ikke betale|"
        # the same with the subject after the verb: »så kan vi ikke betale vores lån ud«
        r"(?:kan|kunne) (?:jeg|vi|han|hun|de) ikke (?:længere |mere )?betale|"
        r"restskat|dødsbo|"
        # money lost or nothing to live on, said with the sum
        # (not »snydt for 4.000 kr.«: a fraud is a crime against someone, criminal.offence)
        r"mistet [0-9.,]+ kr|lever for [0-9.,]+ kr|lever af [0-9.,]+ kr|"
        r"har ingen penge|har ikke nogen penge|vælge mellem mad og|"
        # someone's means as the reason: »fritaget for betaling på grund af din økonomi«
        r"(?:på grund af|pga\.?|grundet) (?:din|min|hans|hendes|deres|jeres|vores|sin) "
        r"(?:dårlige |svage |stramme |anstrengte )?økonomi\b|"
        # bills unpaid: reminders again and again, a supply cut off, things sold to pay
        # (not one reminder for a book: »en rykker fra biblioteket«)
        r"(?:anden|tredje|fjerde|sidste|[0-9]\.) rykker\b|rykker på rykker|"
        r"(?:får|fået|fik|modtager|modtaget) "
        r"rykkere\b|rykker(?:en)? (?:på|for) (?:el-regningen|elregningen|regningen|huslejen|"
        r"varmeregningen|vandregningen|el\b|vand\b|varme\b)|"
        # (a supply cut off at someone's, not an announced stop: »Vi lukker for vandet på
        # Skolevej mandag«)
        r"(?:lukke|lukker|lukket|lukkede) for (?:vandet|strømmen|varmen|gassen) (?:hos|til) "
        r"(?:mig|os|ham|hende|dem|min|mit|mine|vores|hans|hendes)\b|"
        r"(?:solgt|sælge|solgte|sælger) (?:[a-zæøåéü]+ ){1,3}"
        r"for at (?:kunne )?betale\b|"
        # money one is paid, threatened as a sanction: »skal i praktik, ellers ingen
        # penge«, »ellers stopper de hans ydelse«
        r"ellers (?:ingen penge|får (?:jeg|han|hun|vi|de) ingen penge|(?:de |jeg |han |hun |vi )?"
        r"(?:tager|stopper|mister|fjerner) (?:de |mine |hans |hendes |vores |deres |min |sin )?"
        r"(?:penge|pengene|ydelse|ydelsen|hjælp|hjælpen|kontanthjælp|kontanthjælpen)\b)|"
        # out of work said as work not had: »ikke haft arbejde i tre år«
        r"ikke (?:har|haft|havde) (?:noget |et )?(?:arbejde|job)\b|"
        r"ikke flere penge|ikke nok penge til|ingen penge til|"
        # living on one's savings: »må bruge af sin lille opsparing hver måned«
        r"(?:bruge|bruger|brugt|tære|tærer|tæret) (?:af|på) (?:sin|min|hans|hendes|vores|deres|"
        r"din) (?:lille |sidste )?opsparing|"
        # savings gone: »vores opsparing er væk«, »jeres opsparing er brugt på plejesengen«
        r"opsparing(?:en)? (?:er|var|blev) (?:nu )?(?:væk|brugt|opbrugt|tømt|sluppet op)|"
        r"lånt penge af|lånt af min|gået konkurs|gik konkurs|er konkurs|konkursen|forsørge|"
        r"gået fallit|gik fallit|er fallit|"
        # not affording, said in a subordinate clause; money spent, gambled, lent or
        # borrowed; a bill not paid and the power cut; a business losing money
        r"ikke har råd|ikke havde råd|ikke har haft råd|svært ved at betale|"
        r"pengene til at slå til|økonomien til at hænge sammen|"
        r"brugt alle (?:mine|sine|hans|hendes|vores|deres) penge|"
        r"spillet (?:alle )?(?:mine|sine|hans|hendes|vores|deres) penge op|"
        r"låne penge af|låner penge af|lånte penge af|"
        r"lånt [0-9][0-9.,]* kr|lånte [0-9][0-9.,]* kr|låne [0-9][0-9.,]* kr|"
        r"får ingen penge|fik ingen penge|får ikke nogen penge|fogedsag|"
        # rent not paid, said in the present: »han betaler ikke sin husleje« (not »betaler
        # ikke husleje«, which one who owns one's home says too)
        r"(?:betaler|betalte) ikke (?:længere |mere )?(?:(?:sin|min|hans|hendes|deres|vores) "
        r"husleje|huslejen)\b|"
        r"ikke (?:har )?betalt (?:vores|min|sin|hans|hendes|deres) (?:el|husleje|varme|vand|gas|"
        r"regning|regninger)|"
        # the power, heat or water cut off: »min strøm er blevet lukket«
        r"(?:strøm|strømmen|varmen|vandet|gassen) (?:er |bliver |blev )?(?:blevet )?lukket|"
        r"lukket for (?:strømmen|varmen|vandet|gassen)|"
        r"haft underskud|har underskud|må lukke (?:min|vores|sin) (?:forretning|butik|virksomhed|firma)|"
        # money troubles named as such, no income, help with food
        r"økonomiske problemer|økonomiske vanskeligheder|pengeproblemer|pengemangel|"
        r"dårlig økonomi|presset økonomi|trængt økonomi|stram økonomi|"
        r"uden indtægt|uden indkomst|ingen indtægt|ingen indkomst|"
        r"ikke (?:har|havde) nogen (?:indtægt|indkomst)|"
        r"madkasse|fødevarebank|madhjælp|julehjælp|ingen mad\b|ikke råd til mad|"
        # no money, said plainly (not »det koster ikke penge«)
        r"(?:har|havde) (?:heller )?ikke (?:nogen )?penge|ikke (?:fået )?penge til (?:husleje|huslejen|mad|"
        r"regningerne|regningen|medicin|tøj|el|varme)|(?:ikke|intet|uden) arbejde og (?:ikke|ingen) "
        r"penge|"
        r"ikke noget at spise|"
        # money kept from someone: »nu kan hun ikke engang købe sin egen mad«
        r"ikke (?:engang |længere |selv )?købe (?:sin|sit|sine|min|mit|mine|hans|hendes|vores|"
        r"deres) (?:egen |eget |egne )?(?:mad|tøj|medicin)\b|"
        # out of work, said as work not had: »har ingen uddannelse og intet arbejde«, or
        # as work not found (»fordi hun ikke kan finde et job«)
        r"(?:intet|ingen|uden) (?:arbejde|job)\b|"
        r"(?:kan|kunne) ikke (?:finde|få) (?:et |noget |fast |et fast )?(?:arbejde|job)\b|"
        r"ikke (?:kan|kunne) (?:finde|få) (?:et |noget |fast |et fast )?(?:arbejde|job)\b|"
        # not having the sum asked: »fordi vi ikke har de 3.500 kr.«
        r"(?:har|havde) ikke (?:de )?[0-9][0-9.,]* (?:kr|kroner)\b|ikke (?:har|havde) (?:de )?[0-9][0-9.,]* "
        r"(?:kr|kroner)\b|"
        # a household too many for its home: »vi er seks i en lejlighed på 62 kvadratmeter«
        # (not waiting for a larger one alone, which dev-0124 and own2-0016 do not count)
        r"(?:er|bor) (?:fire|fem|seks|syv|otte|ni|ti|[4-9]|1[0-9]) (?:personer |mennesker )?"
        r"(?:i|på) (?:en|et) (?:lejlighed|bolig|værelse|toværelses|treværelses|[0-9]-værelses|"
        r"[0-9] værelses)|sover på en madras|"
        # a reminder of a bill unpaid, with its sum or the bill (not »en rykker fra
        # biblioteket for en bog«); not knowing how to pay; savings drunk or gambled away
        r"rykkere?(?:n|ne)?\s+(?:fra\s+[a-zæøåéü]+\s+)?(?:på|for)\s+(?:[0-9][0-9.,]*(?:\s*kr)?|huslejen|"
        r"[a-zæøåéü]*regningen)|"
        r"(?:ved|aner) ikke,? hvordan (?:jeg|vi|han|hun|de) skal (?:kunne )?betale|"
        r"(?:brugt|drukket|spillet) (?:hele |alle )?(?:min|mine|sin|sine|hans|hendes|vores|"
        r"deres) (?:opsparing|penge) op)" + W,
        0.8,
        "økonomiske forhold (gæld, indkomst)",
        unless_followed_by=(
            # not affording to wait is no money: »vi har ikke råd til at vente på cykelstien«
            *(
                f"{before}at {verb}"
                for before in ("", "til ")
                for verb in (
                    "vente",
                    "lade",
                    "miste",
                    "tabe",
                    "spilde",
                    "sidde",
                    "overse",
                    "ignorere",
                    "vælge",
                    "sige nej",
                )
            ),
            # a business's staff unpaid is the business's: »så jeg ikke kan betale min
            # medhjælper«
            "min medhjælper",
            "mine medhjælpere",
            "mine ansatte",
            "mine medarbejdere",
            "vores ansatte",
            "vores medarbejdere",
            "lønnen til",
            "løn til",
        ),
    ),
    Term(
        "social.thrown_out",
        "social_economic",
        r"(smidt mig ud|smidt ham ud|smidt hende ud|smidt os ud|smed mig ud|smed ham ud|"
        r"smed hende ud)" + W,
        0.8,
        "økonomiske forhold (gæld, indkomst)",
        # thrown out of a school, a club or a bar, not out of a home: »nu har
        # ungdomsuddannelsen smidt ham ud«, »dørmanden smed ham ud«
        unless_after_word=(
            "skolen",
            "gymnasiet",
            "uddannelsen",
            "ungdomsuddannelsen",
            "efterskolen",
            "klubben",
            "holdet",
            "træneren",
            "læreren",
            "dørmanden",
            "vagten",
            "baren",
            "butikken",
        ),
        unless_followed_by=(
            "af skolen",
            "af klassen",
            "af timen",
            "af klubben",
            "af holdet",
            "fra skolen",
            "af gymnasiet",
            "af uddannelsen",
            "af baren",
        ),
    ),
    Term(
        "social.lost_everything",
        "social_economic",
        # everything lost (in a fire, a divorce, a bankruptcy): »de mistede alt«
        r"(?:mistet|mistede|mister|tabt|tabte) alt\b",
        0.75,
        "økonomiske forhold",
        unless_followed_by=("håb", "overblik", "interesse", "respekt", "tillid", "lyst", "for"),
    ),
    Term(
        "social.debt_counselling",
        "social_economic",
        r"(gældsrådgivning)" + W,
        0.8,
        "økonomiske forhold (gæld, indkomst)",
        # the service named as such, not someone's use of it: »kommunen burde have en
        # gratis gældsrådgivning«, »ventetid hos den frivillige gældsrådgivning«
        unless_after_word=A_SERVICE_BEFORE,
    ),
    Term(
        "social.situation",
        "social_economic",
        r"(herberg|forsorgshjem|skilsmisse|er skilt|blevet skilt|blev skilt|"
        # help with the rent, an overdrawn account, quick loans, support for a child
        r"hjælp (?:fra kommunen )?til (?:min |sin |vores |hans |hendes |deres )?husleje|"
        r"overtrukket|kviklån|forbrugslån|støttekontaktperson|familiebehandl|"
        # support for a child granted under the law of child welfare: »Vi bevilger en
        # kontaktperson fire timer om ugen efter barnets lov«
        # (granted, not the law talked of: »hvad kommunen kan gøre efter barnets lov«)
        r"(?:bevilger|bevilget|bevilgede|tilbyder|tilbudt|iværksætter|iværksat|får|fået|fik)\s+"
        r"(?:[a-zæøåéü0-9]+\s+){1,6}efter (?:barnets lov|servicelovens § 52)|"
        r"bliver skilt|blive skilt|skilt fra|separeret|anbragt|anbringelse|"
        # an ex-spouse: a divorce
        r"min eksmand|min ekskone|min exmand|min exkone|min tidligere mand|"
        r"min tidligere kone|min fraskilte|hans ekskone|hendes eksmand|fraskilt|"
        r"tvangsfjern|i plejefamilie|døgninstitution|"
        # a child taken into care, said with the verb: »er blevet fjernet fra hjemmet«
        # (not a guardian, »værgemål«: the labelled sets count that with health)
        r"(?:blevet|blev|bliver) fjernet (?:af kommunen|fra (?:hjemmet|os|mig|familien|"
        r"sin mor|sin far|sine forældre))|"
        # a child given a foster family; contact with a child under supervision
        r"(?:fået|får|fik) en plejefamilie|(?:kommet|kommer|kom|anbragt|bor|bo|boet|flytte|flytter|"
        r"flyttet) (?:i|hos|til|ud til) en plejefamilie|"
        r"overvåget samvær|støttet samvær|"
        # contact with one's child forbidden, in either word order (»der ikke må se ham«)
        r"(?:(?:må|måtte) ikke|ikke (?:må|måtte)) se (?:ham|hende|dem|sin søn|sin datter|sine børn|"
        r"børnene)\b|"
        # losing one's home, rent unpaid
        r"(?:mister|miste|mistet|mistede) (?:sin|min|hans|hendes|vores|deres|din) (?:lejlighed|"
        r"bolig|hus|andelsbolig)|huslejen ikke (?:bliver|er|blev) betalt|"
        # parting said as leaving each other; a child placed said with the verb or as
        # coming into care
        r"gået fra hinanden|gik fra hinanden|går fra hinanden|flyttet fra hinanden|"
        # someone's children taken in by the writer: »hans 2 børn er hos mig nu«
        r"(?:hans|hendes|deres) (?:[0-9]+ |to |tre |fire )?børn (?:er|bor) (?:nu )?hos "
        r"(?:mig|os)\b|"
        # a partner left, or leaving one: »gået fra min mand«, »min kone har forladt mig«
        r"(?:gået|gik|går|flyttet|flyttede) fra (?:min|sin|hans|hendes|din) (?:mand|kone|hustru|"
        r"kæreste|samlever|ægtefælle)|(?:forladt|forlod) (?:mig|os|ham|hende)\b|"
        r"flyttede fra hinanden|anbringe\b|anbringes\b|kommet i pleje|i pleje hos|"
        r"i familiepleje|opholdssted|"
        # a tenancy ended by the landlord, a spouse lost
        r"(?:opsige|opsagt|opsiger) (?:vores|min|hans|hendes|deres|jeres|din) "
        r"(?:lejekontrakt|lejemål|lejlighed|bolig)|"
        r"blevet enke|blev enke|er enke\b|blevet enkemand|blev enkemand|er enkemand|"
        # widowed, said by the death: »efter min mands død«
        r"(?:efter|siden) (?:min|hans|hendes|sin) (?:mands|kones|hustrus|ægtefælles|samlevers) "
        r"død\b|"
        r"(?:min|din|hans|hendes|sin) (?:kone|mand|hustru|ægtefælle|samlever)\s+"
        r"(?:er\s+)?(?:død|døde|gået bort|gik bort)|"
        r"(?:mistet|mistede|miste) (?:min|sin|hans|hendes|din) (?:kone|mand|hustru|ægtefælle|"
        r"samlever)\b|"
        # bringing up children alone
        r"enlig mor|enlig far|enlige mor|enlige far|enefar|enemor|alenemor|alenefar|"
        r"alene med (?:mine|vores|sine|de|to|tre|fire|fem|[0-9]) (?:små )?børn|alene med børnene|"
        # one child, as one's life is: »jeg er alene med min søn« (as own121-0001 tells it;
        # not »jeg var alene med min søn i sommerhuset«)
        r"(?:er|bor|står) alene med (?:min|mit|sin|sit|vores) (?:søn|datter|barn|dreng|pige)\b|"
        # days of a benefit taken as a sanction: »nu mister jeg tre dages ydelse«
        r"[a-zæøå0-9]+ dages (?:ydelse|kontanthjælp|dagpenge|uddannelseshjælp)\b|"
        r"børn og er alene\b|"
        r"brug for (?:hjælp til )?(?:en )?(?:ny|anden|større|mindre|billigere) (?:bolig|lejlighed)|"
        # a home too small for those who live there: »min lejlighed er for lille til os 6«
        # a family living in a single room: »vi bor i et værelse på 15 m2«
        r"vi (?:[a-zæøå0-9]+ ){0,2}bor (?:alle )?(?:sammen )?(?:i|på) (?:et|ét) (?:lille |enkelt )?"
        r"værelse\b|"
        r"(?:lejlighed|lejligheden|bolig|boligen|hus|huset|rækkehus|rækkehuset) er "
        r"(?:alt |blevet |simpelthen |meget |alt alt )?for (?:lille|trang) til "
        r"(?:os|mig|dem|familien|børnene|[0-9]+|to|tre|fire|fem|seks|syv|otte)\b|"
        r"underretning|familiebehandling|"
        r"samvær|forældremyndighed|bostøtte|aflastning|netværksmøde|socialrådgiver|"
        # (not »misbrugsbehandling«: treatment is health, and no labelled set counts it social)
        r"sagsbehandler i familie|krisecenter|krisecentret|krisecenteret|netværkspleje|"
        r"sofaen hos|sover på sofaen|venteliste til en større bolig|skal skilles|vil skilles|"
        # (»har ikke sted at bo«, as a second language says it; not »det er ikke et sted at
        # bo«, what one thinks of a place)
        r"ingen bolig|intet sted at bo|ikke noget sted at bo|(?:har|havde) ikke (?:et )?sted at bo|"
        r"på gaden|børnebidrag|"
        # sleeping where no one lives, no money for food: »han sover i trappeopgang«, »har
        # ikke penge til mad« (not »har ikke mad med«: a packed lunch forgotten)
        r"sover (?:i (?:en |et )?(?:trappeopgang|opgangen|kælderen|kælder|skur|skuret)|udendørs)\b|"
        r"(?:har|havde) ikke (?:penge|råd) til mad\b|"
        r"(?:har|havde) ikke mad til (?:børnene|os|mig|dem|ham|hende)\b|"
        # no fixed abode, the law's words for homelessness
        r"(?:ikke|ingen|uden) (?:har |havde |haft )?fast bopæl|"
        # neither home nor work nor money: »han har hverken bolig, job eller penge«
        r"(?:har|havde) hverken (?:en )?(?:bolig|job|arbejde|penge|indtægt)\b|"
        r"ingen steder at bo|ikke nogen steder at bo|ingen steder at sove|uden tag over hovedet|"
        r"(?:står|stå|stod|er|var|været|blevet) uden (?:bolig|tag over hovedet)|"
        r"uden et sted at bo|brug for et sted at bo|mangler et sted at bo|"
        # housing needed, moving back to one's parents (not supported housing for a
        # disability, »bosted«, »bofællesskab«: the labelled sets count that as health)
        r"hjælp til (?:at finde )?(?:en )?(?:bolig|lejlighed)|brug for en (?:bolig|lejlighed)|"
        r"(?:flyttet|flytte|flyttede|flytter) hjem til (?:min|mine|sin|sine|hans|hendes) "
        r"(?:mor|far|forældre)|"
        r"mistet huset|mistet hjemmet|mistet lejligheden|mistet boligen|"
        # having to leave one's home: »jeg skal ud af lejligheden til 1. januar«
        r"(?:skal|må|skulle|måtte) (?:flytte )?ud af (?:min |vores |hans |hendes |deres |sin )?"
        r"(?:lejlighed|lejligheden|bolig|boligen|værelse|værelset)\b|"
        # living where no one lives for good, words between: »bor med min familie i en
        # campingvogn«
        r"(?:bor|boet|boede|bo)\s+(?:[a-zæøåéü0-9]+\s+){0,4}i (?:en |et |vores |min |sin )?"
        r"(?:campingvogn|telt|skur|kolonihavehus|container)|"
        # foster care seen from the child placed (not »vil være plejefamilie«)
        r"(?:min|mit|mine|hans|hendes|sin|sine|din|dine|vores|deres|jeres) "
        r"pleje(?:far|mor|forældre)|pleje(?:barn|børn|søn|datter)|"
        # living on friends' sofas: without a home of one's own
        r"(bor|boet|boede|sover|sovet|sov|overnatter) (hos venner|hos en ven|hos bekendte|"
        r"hos forskellige|i sin bil|i bilen|i min bil))" + W,
        0.75,
        "sociale forhold",
    ),
    Term(
        "social.fired",
        "social_economic",
        r"(fyret|fyringen|afskediget|afskedigelsen|"
        # given notice: »jeg er blevet opsagt«, »min opsigelse«
        r"(?:er blevet|var blevet|blev|bliver) opsagt|(?:min|hans|hendes|din) opsigelse)\b",
        0.8,
        "sociale ydelser eller beskæftigelse",
        # »fyret 20 pædagoger«, »fyret mange ansatte«: a cut in staff, not a person's job lost
        unless_followed_by=(
            *"0123456789",
            "mange",
            "flere",
            "alle",
            "hundred",
            "medarbejdere",
            "ansatte",
            "folk",
            "de ",
        ),
    ),
    Term(
        "social.situation",
        "social_economic",
        r"(hjemløs|sofasurf)" + W,
        0.75,
        "sociale forhold",
        # »en café for hjemløse«, »de hjemløse«: the group, not someone
        unless_after_word=("for", "de", "mange", "flere", "alle", "af", "blandt", "med", "til"),
    ),
    Term(
        "social.fired",
        "social_economic",
        # out of work, said as work to be found again by the one who lost it: »jeg håber,
        # du snart finder arbejde igen«
        r"(?:jeg|du|han|hun|vi|de)(?: snart| hurtigt| forhåbentlig)? (?:kan |skal )?(?:finder|"
        r"finde|fandt|får|få) (?:et )?(?:arbejde|job|nyt job|nyt arbejde) igen\b",
        0.75,
        "sociale ydelser eller beskæftigelse",
        needs="phrase",
    ),
    Term(
        "social.unpaid",
        "social_economic",
        # wages not paid: someone without income
        r"(ikke fået (?:sin |min |hans |hendes )?løn|ikke fået udbetalt (?:sin |min |hans |"
        r"hendes )?løn|"
        # said of the employer: »arbejdsgiver betaler ikke løn i 6 uger nu«
        r"(?:betaler|betalte|betalt) ikke (?:sin |min |hans |hendes |vores |deres )?løn)\b",
        0.75,
        "økonomiske forhold (indkomst)",
        # »ikke fået løn for overarbejde«: a dispute at work, not a person without income
        unless_followed_by=("for overarbejde", "for overtid", "for de ekstra", "for ekstra"),
    ),
    Term(
        "social.divorce",
        "social_economic",
        # a divorce ahead, said of the people themselves (not »affaldet skal skilles«: sorted)
        r"((?:vi|de|jeg) (?:skal|vil|ønsker at|har besluttet at) (?:lade os |lade sig )?skilles|"
        r"(?:vil|skal) (?:hun|han|jeg|vi|de) (?:lade sig |lade os )?skilles|"
        r"lade (?:os|sig|mig) skille)\b",
        0.8,
        "sociale forhold",
        needs="phrase",
    ),
    # --- property deal not yet concluded --------------------------------------------------
    Term(
        "property.pending",
        "property_deal",
        r"(sælge vores hus|sælge mit hus|sælge huset|sælge sit|sælge hendes|sælge hans|"
        # someone's home to be sold: »jeg venter på, at min bolig bliver solgt«
        r"(?:min|mit|vores|hans|hendes|deres|sin|sit) (?:bolig|hus|lejlighed|villa|rækkehus|"
        r"sommerhus|ejendom|gård|grund|andel) (?:bliver solgt|skal sælges|er (?:sat )?til salg)|"
        r"salg af vores|salg af huset|salg af ejendommen|givet bud på|bud på|budt på|købsaftale|"
        # a bid put in: »vi har lagt et bud ind på et nedlagt landbrug«
        r"bud ind på|"
        r"købstilbud|køberens advokat|køber har taget forbehold|forbehold for|handlen falder|"
        r"handlen er først|handlen|skøde|ejendomshandel|overtagelsesdag|ejendomsmægler|"
        # a bid with its sum, said of whose it is; a sale not yet final
        r"(?:dit|jeres|vores|mit|deres|hans|hendes) (?:tilbud|bud) på [0-9]|"
        r"(?:handlen|salget|købet) (?:er|bliver) (?:ikke )?endelig|"
        r"boligkøb|købe huset|køber af|har fundet en køber|fundet en køber|underskrive|"
        r"slutseddel|fået en køber|har en køber|overvejer at købe|giver et tilbud|give et tilbud|"
        r"før vi byder|inden vi byder|før jeg byder|inden jeg byder|"
        # a bid that waits for its answer: »vi har et bud inde på gården«
        r"bud inde\b|"
        # a sale or a purchase under negotiation, with whom said or not: »er i forhandling
        # med kommunen om at sælge den«; the right to buy given: »fået lov at købe den«
        r"(?:i forhandling|i forhandlinger|forhandler|forhandlede|forhandlet) (?:med (?:[a-zæøå]+ )"
        r"{1,3})?om (?:at )?(?:sælge|købe|salg|køb|salget|købet)\b|"
        r"(?:fået|få|får|fik) (?:lov|tilbudt) (?:til )?at købe\b|"
        # a counter-bid, buyers interested in someone's property
        r"modbud|interesseret køber|interesserede købere|køber har endnu|køber har ikke|"
        # a buyer pulling out of a deal not yet done
        r"køber(?:en)? har fortrudt|køber(?:en)? er sprunget fra|fortrudt handlen|"
        r"fået (?:et|to|tre|flere|nogle|et par) bud\b|der er (?:en|to|flere) købere?\b|"
        r"overvejer (?:selv )?at byde|(?:at|vil|skal) (?:selv )?byde på (?:den|det|grunden|huset)\b|"
        # the prospectus of a property one considers; a property one wants to buy, said
        # in a relative clause (»en grund, som vi gerne vil købe«); selling it to someone
        r"salgsopstilling|"
        r"som (?:vi|jeg|han|hun|de|ejeren|ejerne|udlejer|udlejeren|sælger|sælgeren|naboen) "
        r"(?:gerne |nu |snart )?(?:vil|skal|ønsker at|overvejer at|har tænkt (?:os|mig|sig) at) "
        r"(?:købe|sælge)|"
        # a right of first refusal, the buyer's side, a takeover put off
        r"forkøbsret|købers (?:bank|advokat|rådgiver|finansiering)|"
        r"med overtagelse (?:den|pr\.|per|fra|1\.)|overtagelse den [0-9]|"
        r"overtagelsen (?:sker|er|bliver) (?:den |pr\. |per )?[0-9]|"
        r"overtagelsen (?:er|bliver|blev) (?:udskudt|rykket|flyttet)|"
        r"sælger(?:en)? venter|"
        # the buyer waiting for what the sale hangs on: »køber afventer svaret«
        r"køber(?:en|ne)? afventer|"
        r"(?:er|var) (?:ved|midt i|i gang med) at (?:sælge|købe|handle) (?:den|det|huset|gården|"
        r"grunden|ejendommen|"
        r"lejligheden|sommerhuset|jorden|rækkehuset|villaen)|"
        r"(?:er|var) (?:ved|midt i|i gang med) at (?:sælge|købe|handle) (?:et|en|vores|min|mit|"
        r"sin|sit) (?:[a-zæøåéü]+ )?[a-zæøåéü]*(?:hus|"
        r"lejlighed|grund|gård|ejendom|villa|bolig|landbrug)|"
        r"(?:sælge|sælger) (?:den|det) til (?:naboen|kommunen|en køber|en investor)|"
        r"køberne har|køberne vil|køberen er|køberne er|køber(?:en|ne) overtager|"
        # the buyer's side still open, the takeover still ahead, a signature awaited, the
        # property shown to buyers, the reports a sale is made with, a co-op share sold
        r"køber(?:en|ne)? (?:får|har bedt om)|overtagelsen (?:er|sker|bliver) først|"
        r"underskrift fra (?:sælger|sælgeren|køber|køberen|køberne)|"
        r"(?:hus|huset|lejlighed|lejligheden|ejendom|ejendommen|villa|villaen|bolig|boligen)"
        r" (?:har været|er|var|blev|bliver) til fremvisning|"
        r"tilstandsrapport|elinstallationsrapport|ejerskifteforsikring|"
        r"(?:sælge|sælger|købe|køber) (?:vores|min|mit|sin|hans|hendes|deres) andel\b|"
        # what a purchase under way is made of: the takeover date, the price, the buyer's
        # reservations, the right to withdraw, the estate agent (the deed's registration
        # and the purchase sum: property.pending below)
        r"overtagelsesdato|salgsprisen|"
        r"udbudspris|advokatforbehold|finansieringsforbehold|bankforbehold|fortrydelsesret|"
        r"fortrydelsesfrist|mægleren|vores mægler|min mægler|lånetilbud|"
        # taking over a farm or a house from someone, not yet done
        r"(?:overtage|overtager)\s+(?:[a-zæøåéü]+\s+){0,2}(?:gård|gården|ejendom|ejendommen|"
        r"landbrug|landbruget|hus|huset|sommerhus|sommerhuset)\b|"
        # someone's property being bought or sold now (not »solgt«: that is done)
        r"(?:købe|sælge|køber|sælger)\s+" + _A_PART_OF + r"?(?:vores|min|mit|"
        r"hans|hendes|deres|jeres|sit|sin) (?:hus|have|grund|jord|ejendom|lejlighed|"
        r"andelsbolig|sommerhus|villa|gård|rækkehus|parcelhus|landbrug))" + W,
        0.8,
        "en ejendomshandel, som ikke er indgået endnu",
        # »et bud på en løsning«: a proposal, not a bid
        unless_followed_by=(
            "en løsning",
            "løsning",
            "hvordan",
            "hvad",
            "hvor",
            "hvorfor",
            "et svar",
            "svar",
            "en plan",
            "et forslag",
            "fremtiden",
            "en vej",
            "nogle",
            "nye",
            # a deed told as registered: the deal is done (»skødet er nu tinglyst«)
            "er nu tinglyst",
            "blev tinglyst",
            "er blevet tinglyst",
        ),
        # »et møde med de handlende«: the shopkeepers, no deal
        unless_holding=("handlende",),
    ),
    Term(
        "property.pending",
        "property_deal",
        # The deed's registration and the purchase sum belong to a purchase under way
        # (»skødet er ikke tinglyst endnu«), not to one told as done: »skødet er nu
        # tinglyst, og købesummen er overført«.
        r"(tinglysning|tinglyst|tinglyse|købesum)" + W,
        0.8,
        "en ejendomshandel, som ikke er indgået endnu",
        unless_followed_by=(
            "er overført",
            "er betalt",
            "er udbetalt",
            "blev overført",
            "blev betalt",
            "blev udbetalt",
            "er nu overført",
            "er nu betalt",
            "er nu udbetalt",
        ),
        unless_after_word=("nu", "blev"),
    ),
    Term(
        "beliefs.faith",
        "beliefs",
        r"(konverterede til|konverteret til|går i kirke|går i moské|går i moske|"
        r"går i synagoge|indre mission|jehovas vidne|pinsemenighed|frikirke|"
        r"beder fem gange|beder til gud|beder til allah|fredagsbøn|af overbevisning|"
        # praying said with where, which asking is not (»beder om«, »beder dig«, »beder i
        # sagen om«): »vi er fra Syrien og beder i gården«
        r"beder (?:i|på) (?:gården|haven|hjemmet|stuen|moskeen|moskéen|kirken|bederummet|"
        r"parken|kælderen|lejligheden|værelset)\b|"
        # the same in the infinitive: »gerne vil kunne bede i et stille rum« (not »bede
        # om«, »bede dig«)
        r"(?:kunne|kan|må|vil|skal|at) bede (?:i et|i en|i fred|i ro|i stilhed|på arbejdet|"
        r"på skolen|sammen|fem gange|til gud|til allah|hver dag)\b|"
        r"koranskole|koran-?undervisning|læser koranen|bibelstudie|frimenighed|"
        # a faith's day kept (Ramadan is a term of its own): »holder sabbat«
        r"holder (?:sabbat|shabbat)|"
        # leaving or joining the church, in any tense and with any pronoun
        r"(?:meldt|meldte|melde|melder|træde|træder|trådte|trådt)\s+(?:[a-zæøåéü]+\s+){0,4}"
        r"(?:ud af|ind i) (?:folkekirken|kirken)|udmeldt af folkekirken|"
        r"(?:gået|gik|går) ud af folkekirken)" + W,
        0.8,
        "religiøs overbevisning",
    ),
    Term(
        "property.sale",
        "property_deal",
        # A sale or purchase under way of a named kind of property, with a few words
        # between: »sælge vores rækkehus«, »salget af lejligheden«, »købe grunden«,
        # »tilbud på vores sommerhus«; and the other party still waited for.
        r"(sælge|sælger|salget af|salg af|købe|købet af|køb af|byde på|byder på|budt på|"
        r"tilbud på|tilbud fra [a-zæøåéü]+ på|handel med|handlen om|handlen på|overdrage|"
        r"kontrakt på|købekontrakt på|købsaftale på)\s+"
        # (to someone, of a part: »vil sælge os en stribe af sin grund«)
        r"(?:(?:os|mig|ham|hende|dem)\s+)?" + _A_PART_OF + r"?"
        r"(?:" + _BEFORE_A_NOUN + r"\s+){0,3}"
        # (land by its word for an area too: »købe det kommunale areal bag vores grund«)
        r"[a-zæøåéü]*(?:(hus|lejlighed|ejendom|grund|jord|gård|villa|bolig|hytte|kolonihave|"
        r"areal)"
        + W
        # one building, not many (»salget af de gamle skolebygninger« is a body's)
        + r"|bygning(?:en)?\b)|"
        # a bid said with its sum: »han har budt 1,2 mio. kr. og venter på svar«
        r"(?:har|havde) (?:vi |jeg |han |hun )?budt [0-9][0-9.,]* ?(?:mio|millioner|kr|kroner)|"
        # land said by its area: »forhandler om salg af 4 ha til erhvervsområdet«
        r"(?:sælge|sælger|salget af|salg af|købe|købet af|køb af|overdrage)\s+(?:ca\.?\s+|"
        r"cirka\s+|omkring\s+)?[0-9][0-9.,]*\s*(?:ha|hektar|tønder land|kvadratmeter|kvm|m2)\b|"
        r"(svar fra sælger|sælgers advokat|sælgerens advokat|køberen trækker|køberen vil|"
        r"køberen har|køberens bank|handlen afhænger|handlen går|handlen faldt|"
        r"køberen kræver|køberen ønsker|køberen forlanger|"
        # a sale being made ready: »før vi kan sælge«
        r"før vi kan sælge|inden vi kan sælge|før jeg kan sælge|inden jeg kan sælge|"
        r"så vi kan sælge|så jeg kan sælge)" + W,
        0.8,
        "en ejendomshandel, som ikke er indgået endnu",
    ),
    Term(
        "property.bid",
        "property_deal",
        r"(har budt på|har givet bud på|vores bud på|mit bud på|bud er accepteret|"
        r"fået accepteret vores bud|"
        # a bid on a municipal plot: »lagt billet ind på en grund«
        r"(?:lagt|lagde|lægge|lægger) billet ind på|"
        # the sale of a named property still open: »handlen på huset«
        r"handlen (?:på|om) (?:huset|lejligheden|grunden|ejendommen|gården|sommerhuset|villaen|"
        r"rækkehuset|andelsboligen))" + W,
        0.8,
        "en ejendomshandel, som ikke er indgået endnu",
        needs="phrase",
    ),
    # --- compounds whose head is the sensitive word ---------------------------------------
    Term(
        "health.compound",
        "health",
        # Not "skade", "brud", "nedsættelse" or "forstyrrelse": vandskade, kontraktbrud,
        # skattenedsættelse and driftsforstyrrelse are no illness.
        r"(sygdom|allergi|lidelse|syndrom|diagnose|handicap|kræft|betændelse|infektion|"
        r"sklerose|svulst|transplantation|transplanteret|opereret|operation|smerte|metastase|"
        # »muskeldystrofi«, »elkørestol«, »Rigshospitalet«
        r"dystrofi|kørestol|hospital)"
        r"(men|me|mene|e|en|ene|er|erne|r|rne|s|et|ets)?",
        0.8,
        "en sygdom, lidelse eller et handicap",
        head=True,
        unless_followed_by=_VIOLENCE,
    ),
    # --- origin said as coming from somewhere ---------------------------------------------
    Term(
        "ethnic.from_country",
        "ethnic_origin",
        r"(oprindeligt|oprindelig|flygtede|flygtet|flygtning|flugten|flugt|adopteret|født|stammer|"
        r"kommer|kom|kommet|er|var|udvandret|indvandret|flyttede hertil|flyttet hertil|kommet hertil|"
        # a person from a country: »en kæreste fra Rusland«
        r"kæreste|mand|kone|hustru|ven|veninde|svigersøn|svigerdatter|svigermor|svigerfar|"
        r"forældre|familie|bror|brødre|søster|søstre|søn|sønner|datter|døtre|far|mor|"
        # one who is, or lives as, someone from a country: »trans kvinde fra Thailand«,
        # »pensionist fra Polen«
        r"kvinde|pige|dreng|pensionist|enke|enkemand|borger|statsborger|studerende|indvandrer|"
        # in or to this country from another: »jeg er ny i Danmark fra Polen«
        r"i danmark|til danmark) "
        r"fra (" + country_pattern() + r")|"
        # words in between: »adopteret to børn fra Colombia«, »kom som barn fra Irak«
        r"(adopteret|adopterede|kom|kommet|flygtede|flygtet)\s+(?:[a-zæøåéü]+\s+){1,3}fra ("
        + country_pattern()
        + r")|"
        # born, raised or with roots in a country: »rødder i Marokko«
        r"(født|opvokset|vokset op|rødder) i (" + country_pattern() + r")|"
        # came here in a year, some years ago or as someone: »min far kom hertil i 1970«,
        # »jeg kom til Danmark for 2 år (siden)«, »kom til Danmark som flygtning«
        r"(?:kom|kommet) (?:hertil|til danmark) (?:i (?:19|20)[0-9][0-9]\b|for (?:[0-9]+|"
        r"[a-zæøå]+) år\b|som (?:flygtning|flygtninge|barn|børn|ung|teenager|indvandrer|"
        r"[0-9a-zæøå]+-årig)\b)|"
        # a share of an origin: »halvt italiensk«, »kvart tysk«
        r"(halvt|kvart|halv|delvist) [a-zæøå]+(isk|sk|nsk)\b|"
        # told to go back where they are taken to come from: »rejse hjem til Pakistan«
        r"(rejse|rejser|tage|tager|sendt|sende|smidt|smide) hjem til (" + country_pattern() + r")",
        0.8,
        "etnisk baggrund eller herkomst (at komme fra et andet land)",
        # a country in the name of an association: »vi er fra Afghanistan-foreningen«
        unless_followed_by=("-forening", "-klub", "-huset", "-selskab", "-komite"),
        # home from a journey: »min søster kom hjem fra Spanien i går«
        unless_holding=(" hjem fra ", " tilbage fra "),
    ),
    # A closing that says where the writer is from: »Hilsen Mai fra Vietnam«. (A term of
    # its own: with the rest, the country names made one pattern longer than Hyperscan
    # takes.)
    Term(
        "ethnic.from_country",
        "ethnic_origin",
        r"(?:hilsen|mvh|kh|vh) [a-zæøåéü]+ fra (" + country_pattern() + r")\b",
        0.8,
        "etnisk baggrund eller herkomst (at komme fra et andet land)",
        needs="phrase",
    ),
    # Deported, or to be, to a country: »skal sendes til Irak«, »udvist til Somalia«. A
    # term of its own: with the rest, the country names made one pattern longer than
    # Hyperscan takes.
    Term(
        "ethnic.origin",
        "ethnic_origin",
        r"(sendes|sendt|udvist|udvises|deporteret|deporteres|udsendt|udsendes|udrejse|udrejsen|"
        r"udrejst|udrejser|hjemrejse|hjemrejsen)\s+"
        r"(?:hjem\s+|tilbage\s+)?til (" + country_pattern() + r")",
        0.8,
        "etnisk baggrund eller herkomst (at komme fra et andet land)",
    ),
    # --- a couple of the same sex ---------------------------------------------------------
    Term(
        "sexual.same_sex_couple",
        "sexual",
        # "to mænd", "lesbiske" and "bøsser" are sexual.orientation's already.
        r"(begge mænd|begge kvinder|to mødre|to fædre|også er kvinde|også er mand|homo\b|"
        r"medmor|medmoder|medmødre|jeg er bi\b|og bi\b)",
        0.8,
        "seksuel orientering (et par af samme køn)",
    ),
    Term(
        "sexual.same_sex_partner",
        "sexual",
        # »min kone« written by a woman, »hans mand«, »sin kæreste Mads« about a man:
        # confirmed by partners.partner_sexes from the words and first names around it.
        PARTNER_PATTERN,
        0.75,
        "seksuel orientering (en partner af samme køn)",
        needs="partner",
    ),
    # --- what someone earns, said by the earner -----------------------------------------
    Term(
        "social.earnings",
        "social_economic",
        r"(jeg|vi|hun|han) tjener" + W,
        0.8,
        "økonomiske forhold (indkomst)",
        needs="phrase",
    ),
    # a sum earned in a time, by whom the sentence names: »er i lære og tjener 11.000 om
    # måneden« (not »en pædagog tjener 30.000 kr. om måneden«: anyone of a trade)
    Term(
        "social.earnings",
        "social_economic",
        r"(?:tjener|tjente) (?:kun |knap |omkring |cirka |ca\. )?[0-9][0-9.,]* (?:kr\.? )?"
        r"(?:om|i|pr\.?|per|hver) (?:måneden|måned|md|mdr|timen|time|året|år|ugen|uge)\b",
        0.8,
        "økonomiske forhold (indkomst)",
    ),
    # --- an immigrant or a refugee as the head of a compound: »krigsflygtning«,
    # »andengenerationsindvandrer« (not »flygtningebørn«: the whole word must be the term)
    Term(
        "ethnic.compound",
        "ethnic_origin",
        r"(indvandrer|flygtning)(e|en|ene|er|erne|s)?",
        0.8,
        "etnisk oprindelse",
        head=True,
    ),
    # --- offences as the head of a compound: »butikstyveri«, »cykelindbrud« --------------
    Term(
        "criminal.compound",
        "criminal",
        # (and prison at a compound's end: »kommer ud af ungdomsfængslet«)
        r"(tyveri|indbrud|røveri|bedrageri|overfald|hærværk|narkohandel|fængsel|fængslet)"
        r"(et|ets|er|erne|s)?",
        0.8,
        "strafbare forhold (en forbrydelse)",
        head=True,
    ),
    # --- a property offered for sale, or a bid with its amount ----------------------------
    Term(
        "property.for_sale",
        "property_deal",
        r"[a-zæøåéü]*(hus|huset|lejlighed|lejligheden|ejendom|ejendommen|grund|grunden|"
        r"gård|gården|villa|villaen|bolig|boligen)\s+til salg|"
        r"(sat|sætte|sætter|satte)\s+(?:" + _BEFORE_A_NOUN + r"\s+){0,3}[a-zæøåéü]*"
        r"(hus|huset|lejlighed|lejligheden|ejendom|ejendommen|grund|grunden|gård|gården|"
        r"villa|villaen)" + _AT_AN_ADDRESS + r"\s+til salg|"
        # said of the property: »vores lejlighed er sat til salg«, »har været til salg«
        r"[a-zæøåéü]*(hus|huset|lejlighed|lejligheden|ejendom|ejendommen|grund|grunden|gård|"
        r"gården|villa|villaen|bolig|boligen)\s+(?:er|var|blev|bliver|har været|står|stod|ligger)"
        r"\s+(?:sat\s+|udbudt\s+)?til salg|"
        # »budt 2,1 mio. på«: an amount between the bid and its object
        r"budt\s+(?:ca\.\s+)?[0-9][0-9.,]*\s*(?:kr\.?|mio\.?|millioner|mill\.?)?\s*"
        r"(?:kr\.?\s+)?på",
        0.8,
        "en ejendomshandel, som ikke er indgået endnu",
    ),
    Term(
        "property.sale_of_it",
        "property_deal",
        # The property named, then a sale that must come, of »it«: »vi kan ikke blive
        # boende i huset og må sælge det«.
        r"(huset|lejligheden|ejendommen|rækkehuset|sommerhuset|villaen|gården|andelsboligen)"
        r"\s+(?:[a-zæøåéü]+,?\s+){0,8}(?:må|skal|vil|er nødt til at|bliver nødt til at|"
        r"er tvunget til at|blive tvunget til at)\s+sælge\s+(?:det|den)\b",
        0.75,
        "en ejendomshandel, som ikke er indgået endnu",
        needs="phrase",
    ),
]

# Person cues, as word sets: a sentence is about an identifiable person when it has a
# possessive ("min søn"), a pronoun with a verb of having, being or receiving ("hun har"),
# a relation or "hos" followed by a name ("søn Oliver", "hos Lucas"), a label ("Barn:"),
# or a named person or a weak pronoun with such a verb, unless it talks about groups.
POSSESSIVES: Final = frozenset(
    ["min", "mit", "mine", "din", "dit", "dine", "hans", "hendes", "vores", "jeres"]
)
# Kin, which a person's genitive names as one identifiable person (»Borgerens mor«).
KIN: Final = frozenset(
    ["mor", "far", "søn", "datter", "bror", "søster", "barn", "børn", "mormor", "morfar",
     "farmor", "farfar", "forældre", "bedstemor", "bedstefar", "svigermor", "svigerfar",
     "moster", "faster", "morbror", "farbror", "onkel", "tante", "nevø", "niece"]
)  # fmt: skip
# An animal the term is said of is no person: »vores hund er syg«, »katten har fået
# sukkersyge«. (Not »får«, a verb too.)
ANIMALS: Final = frozenset(
    ["hund", "hunden", "hunde", "hundene", "hvalp", "hvalpen", "kat", "katten", "katte",
     "kattene", "killing", "killingen", "hest", "hesten", "heste", "hestene", "pony",
     "ponyen", "kanin", "kaninen", "marsvin", "marsvinet", "hamster", "hamsteren", "fugl",
     "fuglen", "undulat", "undulaten", "ko", "koen", "køer", "køerne", "gris", "grisen",
     "dyr", "dyret", "dyrene", "kæledyr", "kæledyret"]
)  # fmt: skip
# What a possessive may own without being about one person: the place and the public
# everyone shares (»vores kommune«, »vores ældre«, »jeres borgere«).
SHARED_OWNED: Final = frozenset(
    ["kommune", "kommunes", "by", "bys", "land", "lands", "samfund", "region", "område",
     "lokalområde", "bydel", "kvarter", "egn", "demokrati", "fællesskab", "velfærd",
     "velfærdssamfund", "fremtid", "natur", "miljø", "klima", "skoler", "institutioner",
     "ældre", "unge", "borgere", "borgeres", "medborgere", "politikere", "byråd",
     "forening", "klub", "bestyrelse", "gruppe", "organisation", "afdeling",
     # a reply's »tak for din mail«: the message, not the person's situation
     "mail", "e-mail", "henvendelse", "besked", "spørgsmål", "brev", "invitation",
     # an animal: »vores hund er syg«
     *ANIMALS]
)  # fmt: skip
# (»undertegnede«, the undersigned: the writer of a formal letter speaking of themself)
PRONOUNS: Final = frozenset(["jeg", "vi", "du", "han", "hun", "de", "undertegnede"])
PRONOUN_VERBS: Final = frozenset(
    [
        "er",
        "var",
        "har",
        "havde",
        "fik",
        "får",
        "blev",
        "bliver",
        "lider",
        "led",
        "går",
        "gik",
        "modtager",
        "modtog",
        "søgte",
        "søger",
        "skylder",
        "skyldte",
        "sidder",
        "sad",
        "bor",
        "boede",
        "mistede",
        "kom",
        "tager",
        "tog",
        "mødte",
        "står",
        "stod",
        "mangler",
        "venter",
        "lever",
        "mister",
        "begik",
        "begår",
        # a deal being made: »han forhandler med kommunen om salg af jorden«
        "forhandler",
        # where one comes from: »jeg kommer fra Polen«
        "kommer",
        "forhandlede",
    ]
)
RELATIONS: Final = frozenset(
    [
        "søn",
        "datter",
        "mor",
        "far",
        "mand",
        "kone",
        "hustru",
        "barn",
        "bror",
        "søster",
        "nabo",
        "naboen",
        "genboen",
        "underboen",
        "overboen",
        "kæreste",
        "eksmand",
        "ekskone",
        "svigermor",
        "svigerfar",
        "bedstemor",
        "bedstefar",
        "morfar",
        "mormor",
        "farfar",
        "farmor",
        "onkel",
        "tante",
        "lejer",
        "ven",
        "veninde",
        "partner",
        "samlever",
        "ægtefælle",
        "dreng",
        "pige",
    ]
)
WEAK_WORDS: Final = (
    frozenset(["jeg", "mig", "vi", "os", "du", "dig", "han", "hun", "ham", "hende", "undertegnede"])
    | POSSESSIVES
)
PERSONAL_VERBS: Final = PRONOUN_VERBS | frozenset(
    ["fået", "været", "givet", "taget", "sover", "efter", "søgt"]
)
GENERAL_WORDS: Final = frozenset(
    [
        "mange",
        "flere",
        "alle",
        "nogle",
        "kommunens",
        "generelt",
        "politik",
        "forslag",
        "debat",
        "kampagne",
        "målgruppe",
        "indsats",
        "strategi",
    ]
)
GROUP_WORDS: Final = frozenset(
    ["mange", "flere", "alle", "nogle", "andre", "færre",
     # people in the definite plural: »at borgerne får ny medicin«, »andelshaverne har
     # ikke råd«
     "borgerne", "beboerne", "patienterne", "eleverne", "brugerne", "pårørende",
     "andelshaverne", "lejerne", "medlemmerne", "ejerne", "forbrugerne", "skatteyderne",
     "pensionisterne", "familierne"]
)  # fmt: skip
# Verbs of working with people, before a bare plural: the people one teaches, helps or
# meets are a group, not one person (»min kone underviser flygtninge i dansk«, »jeg
# møder mange hjemløse«). (Not »behandler«: »hun behandler sin angst«.)
SERVING_VERBS: Final = frozenset(
    ["underviser", "underviste", "hjælper", "hjalp", "møder", "mødte", "rådgiver",
     "rådgav", "besøger", "besøgte", "støtter", "støttede", "vejleder", "vejledte"]
)  # fmt: skip
# "i flere måneder", "mange gange", "tager mange piller": a group word before a word of
# time, count or things taken speaks of how long, how often or how much, not of a group
# of people. (Not money: »flere penge til gældsrådgivning« is a budget's.)
COUNTED_WORDS: Final = frozenset(
    ["år", "måneder", "uger", "dage", "timer", "gange", "aftener", "nætter", "weekender",
     "piller", "tabletter", "øl", "genstande", "cigaretter", "opkald", "beskeder"]
)  # fmt: skip
# People in the indefinite plural: »borgere med handicap«, »mange unge har det svært«.
PEOPLE_IN_GENERAL: Final = frozenset(
    ["borgere", "børn", "ældre", "folk", "mennesker", "personer", "familier", "elever",
     "unge", "yngre", "voksne", "patienter", "beboere", "brugere", "pensionister",
     # the members of a team or a club: »et par spillere med astma«
     "spillere", "deltagere", "medlemmer", "kunder"]
)  # fmt: skip
GENERAL_PAIRS: Final = frozenset((a, "med") for a in PEOPLE_IN_GENERAL) | {
    ("de", "fleste"),
    ("tilbud", "til"),
    ("plan", "for"),
}
# Two capitalised words are a place or an organisation, not a person, when one of them
# ends in one of these (»Ishøj Station«, »Plejecenter Lyngbo«, »Vallensbæk Kommune«).
PLACE_ENDINGS: Final = frozenset(
    [
        "station", "kommune", "kommunes", "skole", "skolen", "sygehus", "hospital",
        "hospitalet", "center", "centret", "centeret", "vej", "vejen", "gade", "gaden",
        "allé", "plads", "pladsen", "torv", "torvet", "hallen", "kirke", "kirken",
        "bibliotek", "biblioteket", "universitet", "region", "regionen", "styrelsen",
        "styrelse", "ministeriet", "forening", "foreningen", "klub", "klubben", "parken",
        "havn", "havnen", "sogn", "gymnasium", "efterskole", "børnehave", "vuggestue",
        "rådhus", "rådhuset", "borgerservice", "jobcenter", "jobcentret", "politi",
        "fængsel", "udvalg", "udvalget", "afdeling", "afdelingen", "boligselskab",
        "boligforening", "fonden", "museum", "museet", "teater", "teatret", "stadion",
        "banken", "sekretariat", "sekretariatet", "forvaltning", "forvaltningen",
    ]
)  # fmt: skip
# The first word of a mail header or a heading, before a capitalised word that is no name.
HEADER_WORDS: Final = frozenset(
    [
        "invitation", "emne", "fra", "til", "dato", "re", "fw", "fwd", "vs", "sendt", "cc",
        "vedr", "vedrørende", "ang", "angående", "svar", "afgørelse", "referat", "dagsorden",
    ]
)  # fmt: skip
# A place or a body as the owner of a sensitive word is a figure of speech: »byens DNA«,
# »kommunens syge økonomi«, »samfundets kræftsvulst«.
FIGURATIVE_OWNERS: Final = frozenset(
    [
        "byens", "kommunens", "landets", "områdets", "bydelens", "samfundets", "regionens",
        "virksomhedens", "firmaets", "foreningens", "klubbens", "partiets", "systemets",
        "statens", "byrådets", "forvaltningens",
    ]
)  # fmt: skip
# A word for public talk, rules or writing before »om« makes what follows it a topic, not
# something told about a person: »debatten om misbrugsbehandling«, »reglerne om
# kontanthjælp«, »foredraget om demens« (not »sagen om min søn«: a possessive comes
# between, and »sag« is not one of these).
TOPIC_NOUNS: Final = frozenset(
    [
        "debat", "debatten", "diskussion", "diskussionen", "forslag", "forslaget",
        "lovforslag", "lovforslaget", "artikel", "artiklen", "artiklerne", "høring",
        "høringen", "oplæg", "oplægget", "foredrag", "foredraget", "kampagne", "kampagnen",
        "arrangement", "arrangementet", "workshop", "workshoppen",
        "politik", "politikken", "strategi", "strategien", "rapport", "rapporten", "regler",
        "reglerne", "loven", "lovgivning", "lovgivningen", "pjece", "pjecen", "kursus",
        "kurset", "temaaften", "temamøde", "indlæg", "indlægget", "læserbrev",
        # a work about it: »en bog om historien om sindssygehospitalet«, »en opgave om
        # fagforeninger«
        "bog", "bogen", "historie", "historien", "film", "filmen", "dokumentar",
        "dokumentaren", "udstilling", "udstillingen", "opgave", "opgaven",
        # a day or a conference given to it: »en temadag om mangfoldighed og racisme«
        "temadag", "temadagen", "temaaftenen", "konference", "konferencen", "seminar",
        "seminaret",
        # talk itself, before what it is about: »når I nu taler om misbrugsbehandling«,
        # »hvor vi skal tale om ensomhed og demens«
        "taler", "talte", "snakker", "snakkede", "diskuterer", "diskuterede", "drøfter",
        "drøftede", "tale", "snakke", "diskutere", "drøfte",
        # a practice: »praksis for samvær«
        "praksis", "praksissen",
        "læserbrevet", "planer", "planerne", "beslutning", "beslutningen", "udspil",
        "udspillet", "dagsordenspunkt", "dagsordenspunktet",
        # the rules and rates of a benefit: »satserne for kontanthjælp«
        "satser", "satserne", "satsen", "krav", "kravene", "vilkår", "vilkårene", "takster",
        "taksterne", "betingelser", "betingelserne",
        # a professional's cases, many of them: »mange sager om skilsmisse«
        "sager", "sagerne",
        # a meeting held on it: »borgermødet om det nye asylcenter«
        "møde", "mødet", "borgermøde", "borgermødet", "informationsmøde", "informationsmødet",
        # talking, reading or hearing about a subject: »vi talte om demens«
        "talte", "snakkede", "diskuterede", "debatterede", "hørte", "læste", "skrev",
        "talt", "snakket", "diskuteret", "hørt", "læst", "skrevet",
        # what one reads, sees or writes about a subject: »en bog om kræft«
        "bog", "bogen", "film", "filmen", "opgave", "opgaven", "dokumentar",
        "dokumentaren", "udsendelse", "udsendelsen", "podcast", "podcasten",
        # written or taught on a subject: »din kronik om hjemløshed«, »vi har lært om demens«
        "kronik", "kronikken", "opslag", "opslaget", "indslag", "indslaget", "undervisning",
        "undervisningen", "lært", "lærte",
    ]
)  # fmt: skip
LABELLED_PERSON: Final = re.compile(
    with_ascii_spellings(r"\b(barn|borger|navn|beboer|ansøger|ansøgere|patient|elev)\s*:"),
    re.IGNORECASE,
)
# A council member's statements in that role are not about a private person's beliefs.
# A word that ends in one of these is about a place, a thing or the system, not a person:
# »medicinrummet«, »psykiatriområdet«, »sundhedspolitikken«, »kriminalitetsforebyggelse«.
SYSTEM_HEADS_WORDS: Final = (
    "rum",
    "rummet",
    "center",
    "centret",
    "centeret",
    "centre",
    "centrene",
    "rummene",
    "skab",
    "skabet",
    "politik",
    "politikken",
    "området",
    "områder",
    "strategi",
    "strategien",
    "budget",
    "budgettet",
    "udvalg",
    "udvalget",
    "forebyggelse",
    "forebyggelsen",
    "statistik",
    "statistikken",
    # a rule or a rate of the system: »kontanthjælpsloftet«, »dagpengereformen«
    "loft",
    "loftet",
    "reform",
    "reformen",
    "satsen",
    "satserne",
    "loven",
    "reglerne",
    # a thing that holds it: »medicinkassen«
    "kasse",
    "kassen",
    "kasser",
    # a group named by the term: »flygtningebørn«, »indvandrerfamilier«
    "børn",
    "børnene",
    "familier",
    "familierne",
    # an organisation or a council named by it: »Nordby Handicapforening«, »Ældrerådet«
    "forening",
    "foreningen",
    "foreninger",
    "foreningens",
    "forbund",
    "forbundet",
    "organisation",
    "organisationen",
    "råd",
    "rådet",
    # the benefit's period as the system sets it: »at forlænge dagpengeperioden« (not
    # »min dagpengeperiode slutter«)
    "perioden",
    "perioderne",
    # those who study it: »psykologstuderende«, »medicinstuderende«
    "studerende",
    "studerendes",
)
SYSTEM_HEADS: Final = tuple(sorted(both_spellings(SYSTEM_HEADS_WORDS)))
# Asking whether or how the municipality processes a kind of data is no disclosure of it
# (»Gemmer kommunen oplysninger om borgernes religion?«), unless the sentence is about
# someone's own ("min søns diagnose").
PROCESSING: Final = re.compile(
    r"\b(behandler|registrerer|gemmer|opbevarer|indsamler|videregiver|noterer|logger)\b"
    r"[^.?!\n]{0,60}(oplysninger|data)\b|(oplysninger|data)\b[^.?!\n]{0,60}"
    r"\b(behandles|registreres|gemmes|opbevares|indsamles|videregives|bruges)\b|"
    # »hvilke oplysninger om helbred kommunen gemmer«
    r"(oplysninger|data)\b[^.?!\n]{0,60}"
    r"\b(behandler|registrerer|gemmer|opbevarer|indsamler|videregiver)\b|"
    r"\bhvem (kan|må) se\b",
    re.IGNORECASE,
)
# A carrier of a gene for an illness is not ill: »bærer af genet for cystisk fibrose« is
# genetic information, not a diagnosis.
CARRIER_BEFORE: Final = re.compile(
    with_ascii_spellings(
        r"\b(bærer af|anlæg for|genet for|gen for|genfejl for|arveanlæg for)\b[^.!?\n]{0,30}$"
    ),
    re.IGNORECASE,
)
INDIRECT_QUESTION: Final = re.compile(
    r"\b(om|hvordan|hvorvidt|hvilke|hvad|hvorfor)\b", re.IGNORECASE
)

POLITICAL_ROLE: Final = re.compile(
    with_ascii_spellings(
        r"\b(stemme (for|imod)|byrådsmødet|i byrådet|som byrådsmedlem|vores budgetforslag|"
        r"min gruppe|vores gruppe|partiets holdning|mit parti mener)\b"
    ),
    re.IGNORECASE,
)
