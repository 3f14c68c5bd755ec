"""The name recogniser: catalogue spellings, damaged text, artefacts, context, one name one label."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.names import NameFinder
from pipeline.names.back_translation import readings
from pipeline.names.catalogue import brand_words, catalogue, org_cues
from pipeline.names.recognizer import _mentions


@pytest.fixture(scope="module")
def finder():
    return NameFinder()


def names(finder, text, ents=()):
    return [(m.text, m.label, m.canonical, m.kind) for m in finder.find(text, ents)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nvidia vende más que AMD.", [("Nvidia", "ORG", "NVIDIA", None), ("AMD", "ORG", "AMD", None)]),
        ("La apuesta de XAI es enorme.", [("XAI", "ORG", "xAI", None)]),
        ("el equipo @xAI lanzó", [("xAI", "ORG", "xAI", None)]),
        ("50.000 NVIDIAChipset H200", [("NVIDIA", "ORG", "NVIDIA", None), ("H200", "HARDWARE", "NVIDIA H200", "chip")]),
        ("chips AWSTrainium2 en Indiana", [("AWS", "ORG", "AWS", None), ("Trainium2", "HARDWARE", "AWS Trainium2", "chip")]),
        ("los bastidores AMDMI300X llegaron", [("AMD", "ORG", "AMD", None), ("MI300X", "HARDWARE", "AMD Instinct MI300X", "chip")]),
        ("la NVIDIA H100 y la MI300X", [("NVIDIA", "ORG", "NVIDIA", None), ("H100", "HARDWARE", "NVIDIA H100", "chip"), ("MI300X", "HARDWARE", "AMD Instinct MI300X", "chip")]),
        ("racks de TPU v5p y TPU-v5p", [("TPU v5p", "HARDWARE", "Google TPU v5p", "chip"), ("TPU-v5p", "HARDWARE", "Google TPU v5p", "chip")]),
        ("El superordenador Frontier supera el exaflop.", [("Frontier", "HARDWARE", "Frontier", "system")]),
        # the Dominican distributor, not Buenos Aires' Edesur
        ("La demanda de Edesur Dominicana crece.", [("Edesur Dominicana", "ORG", "Empresa Distribuidora de Electricidad del Sur", None)]),
    ],
)
def test_names_catalogue_spellings(finder, text, expected):
    assert names(finder, text) == expected


def test_names_vendor_and_model_are_two_spans(finder):
    found = names(finder, "Compró GPU NVIDIA H200.")
    assert found == [("NVIDIA", "ORG", "NVIDIA", None), ("H200", "HARDWARE", "NVIDIA H200", "chip")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("fueron proporcionados por Valle y Supermicro", [("Valle", "ORG", "Dell", None), ("Supermicro", "ORG", "Supermicro", None)]),
        ("Hardware de Tom informó ayer", [("Hardware de Tom", "ORG", "Tom's Hardware", None)]),
        ("¿De dónde obtuvo Coloso su nombre?", [("Coloso", "HARDWARE", "Colossus", "system")]),
    ],
)
def test_names_translation_artefacts_in_their_context(finder, text, expected):
    assert names(finder, text) == expected


@pytest.mark.parametrize(
    "text",
    ["El valle del Silicio es famoso.", "Un paseo por el Valle de Arán.", "Un coloso de acero."],
)
def test_names_translation_artefacts_not_out_of_context(finder, text):
    assert names(finder, text) == []


def test_names_case_sensitive_entries_ignore_ordinary_words(finder):
    assert names(finder, "La frontera de la IA y la aurora boreal.") == []
    # an outlet and a telco whose names are a duration and an adjective
    assert names(finder, "La telefónica estatal instaló baterías con una autonomía de 20 minutos.") == []


def test_names_first_name_is_not_a_system(finder):
    found = names(finder, "afirmó Aurora Gómez, portavoz", ents=[(7, 19, "PER")])
    assert found == [("Aurora Gómez", "PER", "Aurora Gómez", None)]


def test_names_context_makes_unknown_orgs(finder):
    found = names(finder, "La startup Lightmatter y Acme Robotics Inc. firmaron.")
    assert ("Lightmatter", "ORG", "Lightmatter", None) in found
    assert any(text.startswith("Acme Robotics") and label == "ORG" for text, label, _, _ in found)


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # joining words inside a name after its noun or head; a place after "en" is not part of it
        ("Pero la organización local Agua para Williamson lo duda.", ["Agua para Williamson"], ["Agua"]),
        ("El Movimiento por un Uruguay Sustentable lo denunció.", ["Movimiento por un Uruguay Sustentable"], []),
        ("La startup Lightmatter en Boston creció.", ["Lightmatter"], ["Lightmatter en Boston"]),
        # named beside a noun that introduces an organisation
        ("Oncor, la distribuidora que llevaría la energía, informó.", ["Oncor"], []),
        # a data centre is a site, no organisation, whatever it is called; a research centre is a body
        ("Cronología: Nube Lurín, el centro de datos que cambió de cifras cinco veces.", [], ["Nube Lurín"]),
        ("El centro de datos Nube Lurín tendrá 26 MW.", [], ["Nube Lurín"]),
        ("Lo midió el centro Ikerlan, en Arrasate.", ["Ikerlan"], []),
        ("Entre los clientes está Pagora, una fintech colombiana con 14 millones de usuarios.", ["Pagora"], []),
        ("La cementera Cerro Pardo invertirá en un campus.", ["Cerro Pardo"], []),
        # the noun's trade between it and the name; a firm named with its singular "Datacenter"
        ("La firma de mantenimiento industrial Alcor Servicios Técnicos contratará a 350 técnicos.", ["Alcor Servicios Técnicos"], []),
        ("Entre los clientes está Quitumbe Datacenter, que opera 11 MW.", ["Quitumbe Datacenter"], []),
        # a body's seat is no part of its name, unless the name already holds a place (a campus)
        ("La red se instalará en la Universidad Nacional en Bogotá, con 256 GPU.", ["Universidad Nacional"], ["Universidad Nacional en Bogotá"]),
        ("Lo midió la Universidad Estatal de California en Long Beach.", ["Universidad Estatal de California en Long Beach"], []),
        ("Según el operador del mercado, XM, la red está al límite.", ["XM"], []),
        # a comma or a full stop ends a name unless "y" closes a list inside it
        (
            "La Coordinadora Quilicura por el Agua protestó. Su vocera, la Coordinadora, Javiera Millán, respondió.",
            ["Coordinadora Quilicura por el Agua", "Javiera Millán"],
            ["Coordinadora, Javiera Millán"],
        ),
        ("El Ministerio de Industria, Energía y Minería lo estima.", ["Ministerio de Industria, Energía y Minería"], []),
        # "para las", "por los" join a body's name as "para la" does, with its acronym too
        ("El estudio va al Servicio Nacional de Certificación Ambiental para las Inversiones Sostenibles (Senace), que lo revisa.",
         ["Servicio Nacional de Certificación Ambiental para las Inversiones Sostenibles", "Senace"], ["Inversiones Sostenibles"]),
        ("Según un borrador del Departament d'Acció Climàtica, Alimentació i Agenda Rural, hay 14 proyectos.",
         ["Departament d'Acció Climàtica, Alimentació i Agenda Rural"], []),
        ("Hubo una audiencia en el Centro de Convenciones de Taylor. El proyecto sigue.", ["Centro de Convenciones de Taylor"], ["Centro de Convenciones de Taylor. El"]),
        # an office after "director de" is no person
        ("Según informó su director de Desarrollo Económico, Martín Sosa, la obra sigue.", ["Martín Sosa"], ["Desarrollo Económico"]),
        # a research house's, a fund manager's and a telecom's naming words end their names
        ("Según Pehuén Research, los contratos sumaron 2,3 GW.", ["Pehuén Research"], []),
        ("El fondo, administrado por Cordillera AGF, cayó.", ["Cordillera AGF"], []),
        ("La acción de Maitén Comunicaciones subió.", ["Maitén Comunicaciones"], ["Maitén"]),
        # a trade word opening a firm's own name; the sentence's full stop is no part of it
        ("En la vereda opuesta, Minera Cerro Aguja cedió terreno. Lo dijo Generadora Coello.", ["Minera Cerro Aguja", "Generadora Coello"], ["Generadora Coello."]),
        ("Lo dijo Minera  Cerro Aguja. Y luego cerró.", ["Minera  Cerro Aguja"], ["Minera  Cerro Aguja. Y", "Minera  Cerro"]),
        # "Data", "Company" and "Datacampus" end a firm's name; "Big Data" is a trade's word, no firm
        ("De acuerdo con el reporte, Tlacuache Data opera 66 MW.", ["Tlacuache Data"], []),
        ("Según los reportes de Mohave Water Company, el campus recibió agua.", ["Mohave Water Company"], []),
        ("El juicio por la obra de Ribera Datacampus siguió. Istmo Data Hub y Zarzal Data Campus callaron.",
         ["Ribera Datacampus", "Istmo Data Hub", "Zarzal Data Campus"], ["Istmo Data", "Zarzal Data"]),
        ("El Big Data cambió la industria.", [], ["Big Data"]),
        # a portfolio followed by the body it belongs to is no employer; a unit's symbol is no name
        ("Ramón Tizón Guerrero, director de Mercado Eléctrico Mayorista de la Superintendencia de Electricidad, explicó la cifra.",
         ["Superintendencia de Electricidad"], ["Mercado Eléctrico Mayorista"]),
        # a kind of organisation opening a headline's list is no name beside the firm it is listed with
        ("Universidades y Cielo Sur Data proyectan un recinto de IA.", ["Cielo Sur Data"], ["Universidades"]),
        # "Mining", "Resources", "Logistics"... end a firm's name
        ("Una de ellas es Karumbé Mining, que opera en Presidente Franco.", ["Karumbé Mining"], []),
        # an outlet named by its form; not a person after "este Diario", nor a word inside another name
        ("Lo publicó ayer El Heraldo del Altiplano, y luego Diario Sierra Alta.", ["El Heraldo del Altiplano", "Diario Sierra Alta"], []),
        ("Lo dijo a este Diario Mariana Espinel, viceministra.", [], ["Diario Mariana Espinel"]),
        # an office, then the government it belongs to: two bodies
        ("Reproducimos el comunicado de la Coordinación General de Comunicación Social del Gobierno del Estado de Hidalgo.",
         ["Coordinación General de Comunicación Social", "Gobierno del Estado de Hidalgo"],
         ["Coordinación General", "Coordinación General de Comunicación Social del Gobierno del Estado de Hidalgo"]),
        # an acronym with an accent, after a Colombian utility's legal form, is the utility's
        ("La Superintendencia sancionó a Energía Occidental Cafetera S.A. E.S.P. (Enocafé), la distribuidora. Enocafé apelará.",
         ["Energía Occidental Cafetera S.A. E.S.P.", "Enocafé"], []),
        ("Lo afirmó el gerente de Personas de la empresa, Rodrigo Rebolledo Jofré.", ["Rodrigo Rebolledo Jofré"], ["Personas"]),
        # the firm a union's name ends with is named again by its first word
        ("El Sindicato de Técnicos y Operadores de Quelmu Datacenters votó la huelga. Quelmu, en tanto, ofreció un bono.",
         ["Sindicato de Técnicos y Operadores de Quelmu Datacenters", "Quelmu"], []),
        # "Datos" and "Datacom" end a firm's name as "Data" does; "Centro de Datos" is no firm
        ("Dos operadores, Quenara Datos y Austral Datacom, aplazaron ampliaciones en el Centro de Datos.", ["Quenara Datos", "Austral Datacom"], ["Centro de Datos"]),
        # a company's department after a post is no employer
        ("Por Edesur Dominicana, la gerente de Grandes Clientes, Carolina Betances Frías, detalló la obra.", ["Carolina Betances Frías"], ["Grandes Clientes"]),
    ],
)
def test_names_press_shapes(finder, text, present, absent):
    found = [m[0] for m in names(finder, text, ents=[(text.find(w), text.find(w) + len(w), "PER") for w in ("Desarrollo Económico",) if w in text])]
    assert all(p in found for p in present), found
    assert not any(a in found for a in absent), found


@pytest.mark.parametrize(
    "text, ents, person",
    [
        # a heading's kind noun ("El desarrollador") names nobody on the next line
        ("El desarrollador\n\nJulián Mañón Lluberes, director ejecutivo de Ceibalta Data Parks, anunció la obra.", (), "Julián Mañón Lluberes"),
        # the constituency a member sits for is no part of the member's name, however the model joins them
        ("El diputado por Olancho Marcos Bertrand Fiallos defendió el proyecto.", ((16, 47, "PER"),), "Marcos Bertrand Fiallos"),
        # a common Costa Rican given name opens a person the model calls an organisation
        ("La vicealcaldesa Yorleny Espinoza Matarrita afirmó que el cantón recaudará más.", ((17, 43, "ORG"),), "Yorleny Espinoza Matarrita"),
    ],
)
def test_names_a_person_after_a_heading_or_a_constituency(finder, text, ents, person):
    found = {m[0]: m[1] for m in names(finder, text, ents=ents)}
    assert found.get(person) == "PER", found


def test_names_a_terms_acronym_is_no_organisation(finder):
    """The model calls 'FBCF' an organisation; the text defines it as a lower-case term."""
    text = "Las obras serían el 4% de la formación bruta de capital fijo (FBCF). En 2024 eran el 1,2% de la FBCF, según Kordillera Capital."
    ents = [(m.start(), m.end(), "ORG") for m in re.finditer(r"FBCF|Kordillera Capital", text)]
    found = [m[0] for m in names(finder, text, ents=ents)]
    assert "Kordillera Capital" in found and "FBCF" not in found, found


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("GOBIERNO DEL ESTADO DE DURANGO\nEl secretario dijo que el Gobierno del Estado cederá el predio.", "Government of Durango"),
        ("El secretario dijo que el Gobierno del Estado cederá el predio.", "Gobierno del Estado"),
    ],
)
def test_names_a_bare_state_government_is_the_state_the_page_names(finder, text, canonical):
    found = {m[0]: m[2] for m in names(finder, text)}
    assert found.get("Gobierno del Estado") == canonical, found


def test_names_a_frequency_unit_is_no_name(finder):
    text = "Arcotel licitará 300 megahercios (MHz) de espectro; cada bloque de 100 MHz tendrá un precio mínimo."
    ents = [(m.start(), m.end(), "ORG") for m in re.finditer("MHz", text)]
    assert "MHz" not in [m[0] for m in names(finder, text, ents=ents)]


def test_names_double_surname_short_form(finder):
    """A Spanish double surname is shortened to the first one: "Restrepo" of
    "Julián Restrepo Mejía"; a compound given name is not a surname."""
    text = "Julián Restrepo Mejía habló. Restrepo precisó la cifra. Luis Alberto Quispe asintió; Alberto no."
    found = names(finder, text)
    assert ("Restrepo", "PER", "Julián Restrepo Mejía", None) in found
    assert not any(m[0] == "Alberto" for m in found)


def test_names_a_headlines_short_name_is_the_full_name_the_article_gives(finder):
    """'Patricio Sanhueza' of a headline is 'Patricio Sanhueza Ortúzar', named in
    full below; with two people of that first surname, it stays as written."""
    text = "Patricio Sanhueza, alcalde: no. Patricio Sanhueza Ortúzar cumple su segundo periodo."
    assert ("Patricio Sanhueza", "PER", "Patricio Sanhueza Ortúzar", None) in names(finder, text)
    both = text + " Patricio Sanhueza Lagos, su primo, también."
    assert ("Patricio Sanhueza", "PER", "Patricio Sanhueza", None) in names(finder, both)


@pytest.mark.parametrize("text, person", [
    ("La magistrada Inmaculada Roldán Sepúlveda recordó a las partes el tope.", "Inmaculada Roldán Sepúlveda"),
    ("El economista Ramsés Arismendi respondió a los lectores.", "Ramsés Arismendi"),
    ("Antes de que amanezca, Abelino Cux Tomás abre la válvula del tanque.", "Abelino Cux Tomás"),
    ("Giselle Ureña Castaños, vicepresidenta de Banca Corporativa del banco, reveló la cifra.", "Giselle Ureña Castaños"),
    # given names the registries hold, though no article of ours does
    ("“Cada rack tiene su sensor”, explica Yurany Cárdenas, gerente del sitio.", "Yurany Cárdenas"),
    ("La obra costará 40 millones, dijo Froilán Mamani Quispe.", "Froilán Mamani Quispe"),
    ("Mayerly Ospina, directora de la cámara, pidió una tarifa fija.", "Mayerly Ospina"),
])
def test_names_common_given_names_of_the_region_open_a_person(finder, text, person):
    assert (person, "PER") in [(m[0], m[1]) for m in names(finder, text)]


@pytest.mark.parametrize("text", [
    "El modelo Claude Sonnet de Anthropic corre en esos chips.",
    "Los altavoces Alexa Echo de Amazon usan otro centro.",
    "La planta de Santa Catarina Pinula recibirá 30 MW.",
])
def test_names_product_and_place_words_that_are_given_names_elsewhere_open_no_person(finder, text):
    assert not any(m[1] == "PER" for m in names(finder, text)), names(finder, text)


def test_names_one_name_one_label(finder):
    text = "Elon Musk habló. Después, Musk insistió."
    assert [m[2] for m in names(finder, text)] == ["Elon Musk", "Elon Musk"]
    text = "Jane Roe dirige la firma. Roe lo confirmó."
    found = names(finder, text, ents=[(0, 8, "PER")])
    assert found == [("Jane Roe", "PER", "Jane Roe", None), ("Roe", "PER", "Jane Roe", None)]


def test_names_model_guesses_are_filtered(finder):
    text = "Además, la memoria FP4 llega a 6 TB/s en Aragón."
    ents = [(0, 6, "PER"), (19, 22, "ORG"), (33, 35, "ORG"), (41, 47, "ORG")]
    assert names(finder, text, ents) == []


def test_names_catalogues_meet_their_size():
    cat = catalogue()
    orgs = {c for (label, c) in cat.by_canonical if label == "ORG"}
    hardware = {c for (label, c) in cat.by_canonical if label == "HARDWARE"}
    assert len(orgs) >= 60 and len(hardware) >= 50
    vendors = {"NVIDIA", "AMD", "Intel", "Google", "AWS", "Microsoft", "Meta", "Cerebras", "Groq", "Huawei", "Tenstorrent"}
    assert vendors <= orgs


_WORDS = st.sampled_from(["Su", "Lisa Su", "Meta", "Metas", "xAI", "Colossus", "AMD", "ñu", "Ñu", "a_b", "b"])


@given(
    st.lists(st.one_of(_WORDS, st.sampled_from([" ", ", ", ".", "-", "_", "9", "é", "\n"])), max_size=30).map("".join),
    st.sets(_WORDS, min_size=1, max_size=5),
)
def test_names_mentions_are_whole_words_longest_first(text, forms):
    """A name spreads to its whole-word mentions only ("Meta", not "Metas";
    "Lisa Su" over "Su" where both start), leftmost first, never overlapping:
    what one regular expression of the forms finds."""
    reference = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![^\W_])")
    assert _mentions(text, forms) == [(m.start(), m.group()) for m in reference.finditer(text)]


def test_names_lone_capital_words_the_model_misreads(finder):
    """A one-word firm the model calls a place or MISC is an organisation when
    the article writes it alone in mid-sentence twice; a place written as
    places are ("la Sabana", "Villamayor de Gállego") is not."""
    text = "Dijo que Kolmena firmó. El acuerdo de Kolmena con la red y la oferta de Kolmena crecen en la Sabana y en la Sabana norte."
    ents = [(m.start(), m.end(), "LOC") for m in re.finditer("Kolmena|Sabana", text)]
    found = names(finder, text, ents)
    assert ("Kolmena", "ORG") in [(t, label) for t, label, _, _ in found]
    assert not any(t == "Sabana" for t, *_ in found)
    once = "Dijo que Kolmena firmó un acuerdo."
    assert names(finder, once, [(once.index("Kolmena"), once.index("Kolmena") + 7, "LOC")]) == []


def _artefacts():
    rows = (ROOT_DATA / "mt_artefacts.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(row.split("\t")) for row in rows[2:] if row.strip()]


ROOT_DATA = __import__("pathlib").Path(__file__).parent / "data"
_IN_CONTEXT = {
    "always": "Según el informe, {text} crece.",
    "capitalized": "Según el informe, {text} crece.",
    "org_list": "Los pedidos de Microsoft, Intel y {text} crecieron.",
}


@pytest.mark.parametrize("text, label, canonical, context", _artefacts())
def test_names_every_translation_artefact_is_read(finder, text, label, canonical, context):
    """Each artefact of tests/data/mt_artefacts.tsv, in the context its entry
    needs, is read as what it means: dropping any entry from the data fails here."""
    sentence = _IN_CONTEXT[context].format(text=text)
    assert (text, label, canonical) in [(m.text, m.label, m.canonical) for m in finder.find(sentence)]


def test_names_a_model_name_cut_short_before_its_place_is_no_organisation(finder):
    """The model's ORG "Plataforma Logística de" stops before "Zaragoza": a site's
    name cut at its preposition names no one."""
    text = "El tercero es la ampliación de Digital Realty en la Plataforma Logística de Zaragoza (Plaza), con 350 MW."
    ents = [(text.index("Plataforma"), text.index(" Zaragoza"), "ORG")]
    assert "Plataforma Logística de" not in [m[0] for m in names(finder, text, ents)], names(finder, text, ents)


@pytest.mark.parametrize(
    "text, name",
    [
        ("El municipio recibiría unos 42 mdp al año, de acuerdo con la Tesorería Municipal.", "Tesorería Municipal"),
        ("La Sindicatura de Cuentas revisará el contrato.", "Sindicatura de Cuentas"),
        # a cue noun's trade: "de la industria", or two nouns joined by "de"
        ("Alemania suma 2.7 gigavatios, según la asociación de la industria Bitkom.", "Bitkom"),
        ("Las exportaciones crecieron, según la agencia de promoción de inversiones Uruguay XXI.", "Uruguay XXI"),
    ],
)
def test_names_an_organisation_introduced_by_its_kind(finder, text, name):
    assert (name, "ORG") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_a_trade_does_not_run_into_a_country(finder):
    """'una empresa de nube de los EE. UU.': no name after 'de los'."""
    text = "Entre los clientes estaría una empresa de nube de los EE. UU. que querría instalar allí unos 20.000 chips."
    assert "EE" not in [m[0] for m in names(finder, text)], names(finder, text)


@pytest.mark.parametrize(
    "text, person",
    [
        ("La vecina Yuleidys Marcano contó que el apagón duró nueve horas.", "Yuleidys Marcano"),
        ("La técnica Mayerli Guataquí revisó la sala.", "Mayerli Guataquí"),
    ],
)
def test_names_a_latin_american_given_name_starts_a_person(finder, text, person):
    """'la vecina Yuleidys Marcano': a given name common in the region makes
    a person of the words after a noun that could otherwise introduce a firm."""
    found = [(m[0], m[1]) for m in names(finder, text, _ents(text, person, label="ORG"))]
    assert (person, "PER") in found, found


def test_names_a_person_noun_is_no_demonym(finder):
    """'la vecina Eneida Ledezma' ends like 'la regiomontana Axtel', but a
    neighbour is a person: no firm follows her."""
    text = "La vecina Eneida Ledezma contó que el apagón duró nueve horas."
    assert not [m for m in names(finder, text) if m[1] == "ORG"], names(finder, text)


def test_names_a_basque_given_name_starts_a_person(finder):
    """'el técnico de guardia, Patxi Irigoyen': Eustat's common Basque given names make a person of a name the model missed."""
    text = "En todo 2025 solo repusieron unos 600 litros, según el técnico de guardia, Patxi Irigoyen."
    assert ("Patxi Irigoyen", "PER") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_a_portfolio_listed_in_a_bodys_name_is_no_organisation(finder):
    """'Ministerio de Industria, Energía y Minería': 'Energía' is capitalised
    there as part of the name, not as a name of its own, so a heading that
    opens on the word ('Energía de la red y agua del río') names no one."""
    text = ('"Hoy un hospital que quiere entrenar un modelo tiene que mandar sus datos a otro país", explicó la directora de '
            "Nube Charrúa, Valeria Sosa. La ampliación se suma a los U$S 40 millones que la firma invirtió desde 2020.\n"
            "Energía de la red y agua del río\nEn la memoria que presentó ante el Ministerio de Industria, Energía y Minería (MIEM), "
            "la compañía calcula que el campus demandará unos 300 GWh al año.")
    found = [(m[0], m[1]) for m in names(finder, text, _ents(text, "Energía"))]  # the model's guess on the heading
    assert ("Energía", "ORG") not in found, found


def test_names_a_common_noun_capitalised_by_its_place_is_no_organisation(finder):
    """'Energía y red' heads a section of an article that writes 'energía' in
    lower case: the capital is the heading's, as it is the sentence's in
    '"Energía sobra"' and the firm's in 'Andes Energía'."""
    text = ('Energía y red\nLa firma Pampa Cómputo necesita energía barata. "Energía sobra", dijo Ana Ruiz, '
            "socia de la consultora Andes Energía.")
    found = [(m[0], m[1]) for m in names(finder, text, _ents(text, "Energía"))]
    assert ("Energía", "ORG") not in found and ("Andes Energía", "ORG") in found, found


def test_names_a_kind_of_chip_is_no_organisation(finder):
    """'sus equipos ASIC': a kind of chip, however the model reads it."""
    text = "Las granjas de Carabobo están sustituyendo sus equipos ASIC por servidores con tarjetas gráficas."
    assert names(finder, text, _ents(text, "ASIC")) == []


def test_names_an_events_title_is_no_organisation(finder):
    """'el Foro de Infraestructura Digital y Energía 2026': neither the
    title's tail nor its edition is a firm."""
    text = "La presidenta de la cámara, Ana Ruiz, habló el martes al abrir el Foro de Infraestructura Digital y Energía 2026."
    found = [(m[0], m[1]) for m in names(finder, text, _ents(text, "Ana Ruiz", label="PER"))]
    assert found == [("Ana Ruiz", "PER")], found


def test_names_a_portfolio_after_a_posts_adjective_is_no_organisation(finder):
    """'la secretaria departamental de Minería y Energía': the post's
    adjective does not hide the portfolio after it."""
    text = "La secretaria departamental de Minería y Energía, Zulema Apaza, señaló que la demanda subió."
    found = [(m[0], m[1]) for m in names(finder, text, _ents(text, "Minería") + _ents(text, "Zulema Apaza", label="PER"))]
    assert ("Zulema Apaza", "PER") in found and not [m for m in found if m[1] == "ORG"], found


def test_names_a_ministers_portfolio_is_no_organisation(finder):
    text = "El ministro para la Transformación Digital, Andrés Villaseca Roig, fija el objetivo."
    assert "Transformación Digital" not in [m[0] for m in names(finder, text)], names(finder, text)


def test_names_laws_plans_and_funds_are_no_organisations(finder):
    """The model's ORG on "la Ley de Chips" or "el Plan Nacional..." is dropped by its head word."""
    text = "La Ley de Chips dará fondos y el Plan Nacional de Computación sigue."
    ents = [(text.index("Ley de Chips"), text.index("Ley de Chips") + 12, "ORG"),
            (text.index("Plan Nacional"), text.index("Plan Nacional") + 29, "ORG")]
    assert names(finder, text, ents) == []


def _ents(text, *words, label="ORG"):
    return [(text.index(w), text.index(w) + len(w), label) for w in words]


def test_names_a_test_is_no_system(finder):
    """'En la prueba Linpack, la máquina alcanzó...' reads like an apposition
    ("Tláloc, la supercomputadora"), but a test's noun before it names a test."""
    text = "Tláloc, la supercomputadora del centro, arrancó. En la prueba Linpack, la máquina alcanzó 45 petaflops."
    found = names(finder, text)
    assert ("Tláloc", "HARDWARE", "Tláloc", "system") in found
    assert not any(m[0] == "Linpack" for m in found), found


def test_names_the_model_cannot_relabel_a_name_a_rule_read(finder):
    """One name, one reading: a rule's label and canonical hold over the model's
    guess at another mention of the same name."""
    text = "Tláloc, la supercomputadora del país, arrancó. El Centro Nacional de Cómputo Avanzado (CNCA) la opera. Tláloc usa chips y el CNCA paga."
    second = text.rindex("Tláloc")
    ents = [(second, second + 6, "ORG"), (text.rindex("CNCA"), text.rindex("CNCA") + 4, "ORG")]
    found = names(finder, text, ents)
    assert found.count(("Tláloc", "HARDWARE", "Tláloc", "system")) == 2, found
    assert found.count(("CNCA", "ORG", "Centro Nacional de Cómputo Avanzado", None)) == 2, found
    # also where the rule's reading reached the name as a short form ("Atlas" of "Atlas Hyperscale Partners")
    text = "La desarrolladora Atlas Hyperscale Partners invertirá en Colón. Solo hay 150 MW para el campus de Atlas, y Atlas espera."
    found = names(finder, text, _ents(text, "Atlas,"))
    assert [m[2] for m in found if m[0] == "Atlas"] == ["Atlas Hyperscale Partners"] * 2, found
    # and a person's surname the model reads as an organisation is the person
    text = "Su consejero delegado, Breixo Lamas, lo explicó. «Es la diferencia», añadió Lamas."
    found = names(finder, text, _ents(text, "Lamas.") + _ents(text, "Breixo Lamas", label="PER"))
    assert ("Lamas", "PER", "Breixo Lamas", None) in found, found
    # ... in all its mentions, though the model read one of them as an organisation before the full name
    text = "Lo confirmó el gerente, Ing. Rubén Galeano Ortiz. Según Galeano, ya consume 85 MW. «Falta la red», explicó Galeano."
    ents = [(text.rindex("Galeano"), text.rindex("Galeano") + 7, "ORG")]
    found = names(finder, text, ents)
    assert [m[1:3] for m in found if m[0] == "Galeano"] == [("PER", "Rubén Galeano Ortiz")] * 2, found
    # given names of Spain's other languages start a person's name
    text = "«Nos llevó tres meses», explica Martiño Lorenzo Vilas, investigador del centro."
    assert ("Martiño Lorenzo Vilas", "PER", "Martiño Lorenzo Vilas", None) in names(finder, text), names(finder, text)


def test_names_places_are_no_organisations(finder):
    """A dateline's place in capitals, and a town the article places by its
    province in brackets (wherever else it is named), are places."""
    text = "CIUDAD DE MÉXICO, 15 de octubre (Agencia Local).- Altaris Cloud abrirá un campus en Marchamalo (Guadalajara). Marchamalo lo celebra."
    ents = _ents(text, "MÉXICO") + [(m, m + 10, "ORG") for m in (text.index("Marchamalo"), text.rindex("Marchamalo"))]
    found = [m[0] for m in names(finder, text, ents)]
    assert "MÉXICO" not in found and "Marchamalo" not in found, found


@pytest.mark.parametrize(
    "text, name, canonical",
    [
        # an acronym defined in the article gives its full name to every mention, even where
        # the capitalised run before the brackets starts with a place or a comma
        (
            "La seccional Río Negro de la Unión Obrera de la Construcción de la República Argentina (UOCRA) habló. La UOCRA insiste.",
            "UOCRA", "Unión Obrera de la Construcción de la República Argentina",
        ),
        ("En Medellín, Empresas Públicas de Medellín (EPM) anunció una subestación. EPM pagará.", "EPM", "Empresas Públicas de Medellín"),
        # the English Wikipedia title where one is established, else the name as written
        ("Obras Sanitarias del Estado (OSE) confirmó la conexión. OSE no opina.", "OSE", "Obras Sanitarias del Estado"),
        ("Lo aprobó el Gobierno de Aragón en enero.", "Gobierno de Aragón", "Government of Aragon"),
        ("Lo aprobó el Gobierno Regional del Maule en enero.", "Gobierno Regional del Maule", "Government of Maule"),
        ("Lo firmó el Gobierno de la Ciudad de México ayer.", "Gobierno de la Ciudad de México", "Government of Mexico City"),
        ("Lo pagará el gobierno de Canadá, dijo.", "gobierno de Canadá", "Government of Canada"),
        ("Lo recibió el Ministerio de Economía de la Nación ayer.", "Ministerio de Economía de la Nación", "Ministry of Economy"),
        ("Lo aprobó el Ministerio de Minas y Energía.", "Ministerio de Minas y Energía", "Ministry of Mines and Energy"),
        ("Lo cofinancia el Ministerio de Tecnologías de la Información y las Comunicaciones.", "Ministerio de Tecnologías de la Información y las Comunicaciones",
         "Ministry of Information Technologies and Communications"),
        ("Lo aprobó la Comisión Federal de Electricidad.", "Comisión Federal de Electricidad", "Federal Electricity Commission"),
        ("Lo otorgó el Ministerio del Ambiente y Desarrollo Sostenible.", "Ministerio del Ambiente y Desarrollo Sostenible",
         "Ministry of Environment and Sustainable Development"),
        ("Lo tramita el Ministerio de Comercio e Industrias.", "Ministerio de Comercio e Industrias", "Ministry of Commerce and Industries"),
        ("La concesión la otorgó la Confederación Hidrográfica del Duero en 2024.", "Confederación Hidrográfica del Duero", "Duero Hydrographic Confederation"),
        ("La empresa informó a la Comisión Nacional del Mercado de Valores.", "Comisión Nacional del Mercado de Valores", "National Securities Market Commission"),
        ("La ONEE garantizará el suministro, dijo la Oficina Nacional de la Electricidad y del Agua Potable.",
         "Oficina Nacional de la Electricidad y del Agua Potable", "National Office of Electricity and Drinking Water"),
        ("El Instituto Tecnológico de Costa Rica (TEC) midió el consumo.", "Instituto Tecnológico de Costa Rica", "Costa Rica Institute of Technology"),
        # central banks by their short names, as the financial press writes them
        ("Con la tasa de Banxico en 7.25 %, el múltiplo es difícil.", "Banxico", "Bank of Mexico"),
        ("El Banrep mantuvo su tasa, informó el emisor.", "Banrep", "Bank of the Republic"),
        # a country's central bank and senate take the country's English name
        ("Lo calculó el Banco Central del Ecuador en su informe.", "Banco Central del Ecuador", "Central Bank of Ecuador"),
        ("Lo pidió el Senado de Paraguay ayer.", "Senado de Paraguay", "Senate of Paraguay"),
        # a Texas county's governing court, county first
        ("La Corte de Comisionados del condado de Wharton aprobó la rebaja.", "Corte de Comisionados del condado de Wharton", "Wharton County Commissioners Court"),
        # a place English names with a common noun or in the plural takes "the" after "of"
        ("Lo aprobó el Gobierno de la Región de Murcia en enero.", "Gobierno de la Región de Murcia", "Government of the Region of Murcia"),
        ("Lo calculó el Banco Central de la República Dominicana.", "Banco Central de la República Dominicana", "Central Bank of the Dominican Republic"),
        ("Lo subvenciona el Gobierno de Canarias.", "Gobierno de Canarias", "Government of the Canary Islands"),
        ("Lo instaló la Universidad de los Andes en 2019.", "Universidad de los Andes", "University of the Andes"),
        # a lowercase adjective after a ministry says whose it is: no part of the name, and a province's body keeps its Spanish name
        ("Lo estimó el Ministerio de Energía y Recursos Naturales provincial.", "Ministerio de Energía y Recursos Naturales",
         "Ministerio de Energía y Recursos Naturales"),
        ("Lo dijo la Secretaría de Energía nacional ayer.", "Secretaría de Energía", "Secretariat of Energy"),
        # Japan's trade ministry, written in Spanish
        ("El Ministerio de Economía, Comercio e Industria de Japón (METI) dará subsidios.", "Ministerio de Economía, Comercio e Industria de Japón",
         "Ministry of Economy, Trade and Industry"),
        ("Lo financia la Secretaría de Ciencia, Humanidades, Tecnología e Innovación.", "Secretaría de Ciencia, Humanidades, Tecnología e Innovación",
         "Secretariat of Science, Humanities, Technology and Innovation"),
        # a region's government named by its demonym, and a country's by its established English name
        ("Lo aprobó el Gobierno gallego en julio.", "Gobierno gallego", "Xunta de Galicia"),
        ("Lo aprobó el gobierno estadounidense en julio.", "gobierno estadounidense", "Federal government of the United States"),
        # a university named by its place takes the place's English name
        ("Lo gestiona la Universitat de València desde 2020.", "Universitat de València", "University of Valencia"),
        ("Según un estudio de la Universidad de Castilla-La Mancha, el consumo sube.", "Universidad de Castilla-La Mancha", "University of Castilla–La Mancha"),
        # a national assembly is the National Assembly, as the English titles name each country's without its country
        ("El Pleno de la Asamblea Nacional aprobó la ley con 81 votos.", "Asamblea Nacional", "National Assembly"),
        ("El crédito lo dieron Banco General y BID Invest en marzo.", "BID Invest", "IDB Invest"),
        # a university whose field has no English here keeps its Spanish name, not half of each
        ("Lo instaló la Universidad Nacional de Ciencias Aplicadas de Tarma en 2025.", "Universidad Nacional de Ciencias Aplicadas de Tarma",
         "Universidad Nacional de Ciencias Aplicadas de Tarma"),
        ("Lo revisa la Comisión Reguladora Nuclear desde enero.", "Comisión Reguladora Nuclear", "Nuclear Regulatory Commission"),
        # a US state body translated word by word is its English name, state first
        ("Lo revisa la Comisión de Servicio Público de Luisiana.", "Comisión de Servicio Público de Luisiana", "Louisiana Public Service Commission"),
        ("Lo aprobó la Comisión de Corporaciones de Arizona.", "Comisión de Corporaciones de Arizona", "Arizona Corporation Commission"),
        # a city's or a county's too, the county named whether or not the gazetteer holds it
        ("Le vende agua el Departamento de Agua y Energía de Los Ángeles.", "Departamento de Agua y Energía de Los Ángeles", "Los Angeles Department of Water and Power"),
        ("Lo aprobó la Junta de Supervisores del Condado de Kerrwood.", "Junta de Supervisores del Condado de Kerrwood", "Kerrwood County Board of Supervisors"),
        ("Lo firmó el Ministerio de Transición Energética y Desarrollo Sostenible.", "Ministerio de Transición Energética y Desarrollo Sostenible",
         "Ministry of Energy Transition and Sustainable Development"),
        ("Los embalses están al 41 %, según la Junta de Desarrollo Hídrico de Texas.", "Junta de Desarrollo Hídrico de Texas", "Texas Water Development Board"),
        # a US special district, named after a town the gazetteer need not hold
        ("Lo respalda el Distrito Escolar Independiente de Pflugerville.", "Distrito Escolar Independiente de Pflugerville",
         "Pflugerville Independent School District"),
        ("Lo calcula el Distrito de Tasación del Condado de Kerrwood.", "Distrito de Tasación del Condado de Kerrwood", "Kerrwood County Appraisal District"),
        # a sentence's full stop is no part of the name it ends
        ("La empresa presentó documentos ante el Gobierno de Jalisco.\nLee también: otra nota", "Gobierno de Jalisco", "Government of Jalisco"),
    ],
)
def test_names_canonicals_of_public_bodies(finder, text, name, canonical):
    assert (name, canonical) in [(m[0], m[2]) for m in names(finder, text)], names(finder, text)


@pytest.mark.parametrize("text, name", [
    ("El Sistema Municipal de Aguas de Tlalpan (Simatla) reconoció el corte.", "Sistema Municipal de Aguas de Tlalpan"),
    ("El Sistema de Agua Potable y Alcantarillado de León (SAPAL) calcula que faltará agua.", "Sistema de Agua Potable y Alcantarillado de León"),
    ("Lo aprobó el Distrito de Riego de Imperial en marzo.", "Distrito de Riego de Imperial"),
    ("El Programa Nacional de Telecomunicaciones (Pronatel) licitó la red.", "Programa Nacional de Telecomunicaciones"),
])
def test_names_water_utilities_and_special_districts_are_bodies(finder, text, name):
    """'Sistema', 'Distrito' and 'Programa' open grids, places and plans
    ('Sistema Eléctrico Nacional', 'Distrito Federal'), but also Mexico's
    water utilities, the special districts of the United States and the
    national programmes that act as agencies."""
    assert (name, "ORG") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_a_translators_capital_on_a_verb_of_saying_is_no_name(finder):
    """'La Empresa Dijo que...': a machine-translated page capitalises the verb; no "Empresa Dijo" organisation."""
    assert not any(m[0].startswith("Empresa") for m in names(finder, "La Empresa Dijo que planea desplegar los equipos en Kansas."))


def test_names_a_grid_is_no_body(finder):
    found = names(finder, "El Sistema Eléctrico Nacional sumó 180 MW y el Sistema Interconectado Nacional opera 9 GW.")
    assert not any(m[0].startswith("Sistema") for m in found), found


def test_names_an_acronym_spelling_only_part_of_a_name_defines_nothing(finder):
    """'Eléctrica de Texas' is no definition of ERCOT: a name's tail is taken
    only after a place or a comma, and only when the acronym spells it."""
    found = names(finder, "El Consejo de Confiabilidad Eléctrica de Texas (ERCOT) dijo.")
    assert not any(m[0] == "Eléctrica de Texas" or m[2] == "Eléctrica de Texas" for m in found), found


def test_names_a_known_company_and_a_country_with_no_de_is_its_branch(finder):
    found = names(finder, "Entel Perú anunció la ampliación de su centro de datos.")
    assert ("Entel Perú", "Entel Perú") in [(m[0], m[2]) for m in found], found


def test_names_a_company_found_by_its_form_keeps_its_country(finder):
    """'Engie Energía Perú': a name read by its form ('Energía') and the
    country after it is the Peruvian company's name, not a name and a place."""
    found = names(finder, "La minera firmó un contrato con Engie Energía Perú por 180 megavatios.")
    assert ("Engie Energía Perú", "Engie Energía Perú") in [(m[0], m[2]) for m in found], found


def test_names_a_known_company_in_a_country_is_its_own_name(finder):
    """'Telefónica del Perú' is the Peruvian company, not Telefónica and a place."""
    found = names(finder, "La crearon ex ejecutivos de Telefónica del Perú; Telefónica no opina.")
    assert [(m[0], m[2]) for m in found if m[1] == "ORG"] == [("Telefónica del Perú", "Telefónica del Perú"), ("Telefónica", "Telefónica")]


def test_names_a_company_noun_makes_every_mention_a_company(finder):
    """'la firma Red Clay Digital LLC' is a company, so every 'Red Clay Digital'
    is, though 'Red' heads public bodies ('Red Nacional de ...')."""
    text = "Vecinos temen por el campus de Red Clay Digital.\nEl condado eximirá al campus que la firma Red Clay Digital LLC planea levantar."
    found = [(m.text, m.category) for m in finder.find(text) if m.label == "ORG"]
    assert found and all(category == "company" for _, category in found), found


def test_names_a_civil_society_noun_makes_no_company(finder):
    """'el colectivo Agua Viva San José', 'la ONG Foro Ambiental': a collective
    or an NGO is no company, whatever its words, so 'la compañía' never
    stands for it."""
    text = "El colectivo Agua Viva San José y la ONG Foro Ambiental Calamuchita reclaman datos a la firma Nimbus Datos del Sur."
    found = {m.text: m.category for m in finder.find(text) if m.label == "ORG"}
    assert found == {"Agua Viva San José": "civil", "Foro Ambiental Calamuchita": "civil", "Nimbus Datos del Sur": "company"}, found


def test_names_puerto_rico_bodies_and_a_translated_chip_maker(finder):
    """Puerto Rico's utilities by their English names; 'Hilos de Moore' is Moore Threads word by word."""
    text = ("La Autoridad de Energía Eléctrica y el Departamento de Desarrollo Económico y Comercio lo aprobaron. "
            "Hilos de Moore envió 30,000 GPUs MTT S4000.")
    found = {(m.text, m.canonical) for m in finder.find(text)}
    assert {("Autoridad de Energía Eléctrica", "Puerto Rico Electric Power Authority"),
            ("Departamento de Desarrollo Económico y Comercio", "Puerto Rico Department of Economic Development and Commerce"),
            ("Hilos de Moore", "Moore Threads"), ("MTT S4000", "Moore Threads MTT S4000")} <= found, found


def test_names_a_list_of_a_bank_and_an_acronym_named_body_is_two_names(finder):
    """'Banco General y BID Invest' lends as two banks; 'Universidades e FP' ends a portfolio."""
    found = [m.text for m in finder.find("Cerró un crédito con Banco General y BID Invest.") if m.label == "ORG"]
    assert found == ["Banco General", "BID Invest"], found
    # two banks by their head, with no article before the second
    found = [m.text for m in finder.find("Firmó contratos con Banco Galicia y Banco Macro por 300 millones.") if m.label == "ORG"]
    assert found == ["Banco Galicia", "Banco Macro"], found


def test_names_a_firm_with_its_legal_form_at_a_sentence_start_and_its_short_name(finder):
    """'La Sociedad Minera Misti Cobre S.A.A. y...' opens a sentence; 'Misti Cobre' is
    its name without the generic head; Malaysia's 'Berhad' is a legal form."""
    text = "Titular.\n\nLa Sociedad Minera Misti Cobre S.A.A. firmó el acuerdo. Misti Cobre produjo 248.000 toneladas."
    found = [(m.text, m.canonical) for m in finder.find(text, sentence_starts=[0, 10])]
    assert found == [("Sociedad Minera Misti Cobre S.A.A.", "Sociedad Minera Misti Cobre"), ("Misti Cobre", "Sociedad Minera Misti Cobre")], found
    found = {(m.text, m.canonical) for m in finder.find("Tenaga Nasional Berhad (TNB) firmó 38 acuerdos. El Gobierno del Estado de Johor los aprobó.")}
    assert {("Tenaga Nasional Berhad", "Tenaga Nasional"), ("Gobierno del Estado de Johor", "Government of Johor")} <= found, found


def test_names_a_demonym_for_a_firm_at_a_sentence_start(finder):
    found = [(m.text, m.label) for m in finder.find("La madrileña Cómputo Ibérico, que alquila GPU, esperaba recibir 512 B200.")]
    assert ("Cómputo Ibérico", "ORG") in found, found


def test_names_an_acronym_after_a_legal_form_defines_the_name(finder):
    found = {(m.text, m.canonical) for m in finder.find("La Empresa Eléctrica de Guatemala, S.A. (EEGSA) tenderá la línea. EEGSA cobra más.")}
    assert {("Empresa Eléctrica de Guatemala, S.A.", "Empresa Eléctrica de Guatemala"), ("EEGSA", "Empresa Eléctrica de Guatemala")} <= found, found
    found = [(m.text, m.canonical) for m in finder.find("En el Concejo de Medellín, la concejala cuestionó el contrato.")]
    assert found == [("Concejo de Medellín", "Concejo de Medellín")], found


def test_names_an_ampersand_joins_a_name_its_acronym_defines(finder):
    found = {(m.text, m.canonical) for m in finder.find("Florida Power & Light (FPL) abastecerá el campus. FPL pagará la línea.")}
    assert {("Florida Power & Light", "Florida Power & Light"), ("FPL", "Florida Power & Light")} <= found, found


def test_names_a_person_after_an_institutions_place_is_the_person(finder):
    """'la investigadora de El Colegio de Sonora Lucía Moreno Valenzuela'; but
    'la comisión de Red Clay Digital' keeps the firm whole."""
    found = [(m.text, m.label) for m in finder.find("Para la investigadora de El Colegio de Sonora Lucía Moreno Valenzuela, falta agua.")]
    assert ("Colegio de Sonora", "ORG") in found and ("Lucía Moreno Valenzuela", "PER") in found, found
    found = [(m.text, m.label) for m in finder.find("La Autoridad de Desarrollo de Red Clay Digital firmó el acuerdo.")]
    assert not any(label == "PER" for _, label in found), found


def test_names_a_town_ending_an_institutions_name_is_no_part_of_the_person_after_it(finder):
    """'Concepción' is a given name too, but here it is the university's city."""
    found = [(m.text, m.label) for m in finder.find("Para el académico de la Universidad de Concepción Tomás Henríquez, el caso marca un precedente.")]
    assert ("Universidad de Concepción", "ORG") in found and ("Tomás Henríquez", "PER") in found, found


def _surnames(finder, text, surname):
    return [m.canonical for m in finder.find(text) if m.text == surname]


def test_names_a_surname_two_people_share_is_the_one_named_last(finder):
    text = ("Marisol Henríquez, presidenta de la junta de vecinos, habló. Lo dijo Henríquez. "
            "Para el académico Tomás Henríquez, sin parentesco con la dirigenta, es un precedente. Henríquez estima que hay 450 MW.")
    assert _surnames(finder, text, "Henríquez") == ["Marisol Henríquez", "Tomás Henríquez"]


def test_names_a_surname_two_people_share_written_with_a_post_is_the_holders(finder):
    text = ("El catedrático Pau Lloret coordina la parte científica. La consellera de Innovación, Elena Lloret, ha asegurado que habrá "
            "400 usuarios. El catedrático Pau Lloret, sin parentesco con ella, habló después. La consellera Lloret añadió que habrá 40 plazas.")
    assert _surnames(finder, text, "Lloret") == ["Elena Lloret"]


def test_names_a_machine_christened_is_a_system_a_project_christened_is_no_name(finder):
    found = [(m.text, m.label) for m in finder.find(
        "El plan incluye una supercomputadora nacional, bautizada como Tezcatl, con 8.200 aceleradores. "
        "El campus, bautizado como Granite Prairie, tendrá 300 MW. La UPV/EHU lo gestionará.")]
    assert found == [("Tezcatl", "HARDWARE"), ("UPV/EHU", "ORG")], found


def test_names_a_system_named_at_a_sentence_start(finder):
    """'El clúster Atalaya, que...' opens its sentence with a capital article."""
    found = [(m.text, m.label) for m in finder.find("El clúster Atalaya, que el laboratorio Nébula IA instaló, suma 24.000 GPU.")]
    assert ("Atalaya", "HARDWARE") in found, found


def test_names_a_unit_and_the_house_it_belongs_to_are_two_names(finder):
    """'Laboratorio de X del Instituto Tecnológico de Costa Rica': the lab and
    the institute; a body named in the next sentence after a run of capitals
    that crosses a full stop is still found."""
    text = ("Lo estima un estudio del Laboratorio de Huella Hídrica Urbana del Instituto Tecnológico de Costa Rica. "
            "La Comisión Permanente Especial de Ambiente de la Asamblea Legislativa lo discutió.")
    found = [m.text for m in finder.find(text)]
    for name in ("Laboratorio de Huella Hídrica Urbana", "Instituto Tecnológico de Costa Rica", "Comisión Permanente Especial de Ambiente", "Asamblea Legislativa"):
        assert name in found, found


def test_names_a_firm_named_in_full_with_its_legal_form_is_one_name_everywhere(finder):
    """'Ahuehuete Consultores en Energía, S.C.' holds 'en'; where the article
    writes the name without its legal form it is still that one name, not
    'Ahuehuete Consultores' and 'Energía'."""
    text = ("Cada lunes reproducimos el boletín de Ahuehuete Consultores en Energía. "
            "Reproducimos a continuación el boletín semanal de Ahuehuete Consultores en Energía, S.C.: la demanda subió.")
    found = [(m.text, m.canonical) for m in finder.find(text)]
    assert ("Ahuehuete Consultores en Energía", "Ahuehuete Consultores en Energía") in found, found
    assert not any(name in ("Energía", "Ahuehuete Consultores") for name, _ in found), found


@pytest.mark.parametrize(
    "text, name, canonical",
    [
        ("Según El Heraldo del Bajío, la planta usa tres pozos.", "El Heraldo del Bajío", "El Heraldo del Bajío"),
        ("El País América publicó la cifra.", "El País América", "El País América"),
        ("El diario argentino Ámbito publicó la cifra.", "Ámbito", "Ámbito Financiero"),
        ("El director dijo a El País Ana Pérez que hay dos fases.", "El País", "El País"),
    ],
)
def test_names_an_outlets_masthead_that_goes_on_is_another_masthead(finder, text, name, canonical):
    """A known outlet's name followed by more of a masthead is a regional paper or an edition, not the outlet
    and a word; a person after it is no part of it."""
    found = [(m.text, m.canonical) for m in finder.find(text) if m.label == "ORG"]
    assert (name, canonical) in found, found


def test_names_a_rankings_numbered_lines_name_the_firms_ranked(finder):
    """'2. Ticonexa (Costa Rica)' in a ranking is a firm and its country, not a
    town and its province; a single numbered line is no ranking."""
    text = ("Las diez que más crecieron\n1. Canalnube Data Centers (Panamá)\nLa firma facturó 40 millones.\n"
            "2. Ticonexa (Costa Rica)\nTiconexa no publica resultados.\n3. Tikalnet (Guatemala)\nTikalnet ingresó 3 millones.")
    found = {(m.text, m.label) for m in finder.find(text)}
    assert {("Ticonexa", "ORG"), ("Tikalnet", "ORG")} <= found, found
    assert [m.text for m in finder.find("Cómo se hace\n1. Tarvena\nHay que medir.")] == [], "one numbered line is no ranking"


@pytest.mark.parametrize(
    "text, word",
    [
        ("Internexa ampliará la subestación Guayabal. Su sede de Guayabal consume 9 MW, frente a Guayabal Norte.", "Guayabal"),
        ("Habrá una segunda línea hacia Lasso. Quitumbe opera 11 MW cerca de Lasso y llevará fibra desde Lasso, dijo.", "Lasso"),
    ],
)
def test_names_a_site_the_model_reads_as_a_place_stays_a_place(finder, text, word):
    """A word after a site noun ('la subestación Guayabal') or mostly after 'en'
    or 'hacia' is where things are, though the article writes it alone twice."""
    ents = [(m.start(), m.end(), "LOC") for m in re.finditer(word, text)]
    assert not any(m.text == word and m.label == "ORG" for m in finder.find(text, ents))


def test_names_a_unit_symbol_is_no_organisation(finder):
    """'para llegar a 120 MW, la compañía...': the apposition shape, but MW is a unit."""
    text = "Tunal tiene una carga de 45 MW y, para llegar a 120 MW, la compañía necesitaría otra subestación. Pagó US$ 70 por MWh."
    assert not any(m.text in ("MW", "MWh") for m in finder.find(text))


def test_names_a_known_companys_unit_is_a_firm_of_its_own(finder):
    """'YPF Luz', the power generator YPF controls, is not YPF and a word."""
    found = [(m.text, m.canonical) for m in finder.find("YPF Luz, la generadora eléctrica controlada por YPF, firmó el acuerdo. Repsol Renovables no opina.")]
    assert ("YPF Luz", "YPF Luz") in found and ("YPF", "YPF") in found and ("Repsol Renovables", "Repsol Renovables") in found, found


def test_names_a_system_name_with_an_inner_apostrophe(finder):
    """'Ch'aska, un clúster de cómputo': a Quechua name keeps its apostrophe;
    a closing quote is no part of a name ('el supercomputador 'Albufera'')."""
    found = [(m.text, m.label) for m in finder.find("La universidad estrenó Ch'aska, un clúster de cómputo con 32 GPU. El supercomputador 'Albufera' tiene 3 nodos.")]
    assert ("Ch'aska", "HARDWARE") in found and ("Albufera", "HARDWARE") in found, found


def test_names_a_system_after_a_possessive_and_its_noun(finder):
    """'su superordenador Finisterrae IV': the owner's machine, named after its noun."""
    found = [(m.text, m.label) for m in finder.find("El centro pone en marcha la partición de IA de su superordenador Finisterrae IV, con 64 nodos.")]
    assert ("Finisterrae IV", "HARDWARE") in found, found


def test_names_a_person_after_an_honorific_title(finder):
    """'Datuk Azman Rahim': a Malaysian title, then a person whose given name no list holds."""
    found = [(m.text, m.label) for m in finder.find("Lo dijo el ejecutivo estatal de inversión Datuk Azman Rahim el miércoles.")]
    assert ("Azman Rahim", "PER") in found, found


def test_names_people_by_common_given_names(finder):
    """A person the model misses is found by a common given name and a surname (US ones too)."""
    text = "Por su parte, el vicepresidente de desarrollo de la firma, Marcus Reyes, aseguró que pagarán la línea."
    assert ("Marcus Reyes", "PER", "Marcus Reyes", None) in names(finder, text)


@pytest.mark.parametrize("given", ["Iñigo Urkullu", "Meritxell Batet", "Xurxo Torres", "Garazi Arrieta"])
def test_names_people_by_basque_catalan_and_galician_given_names(finder, given):
    text = f"Según ha explicado el consejero de Industria, {given}."
    assert (given, "PER") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


@pytest.mark.parametrize("given", ["Orlando Fuenmayor Chacín", "Hélène Marchetti", "Gonçalo Teixeira", "Jae-won Park", "Celeste Ibarra", "Ceferino Aguado"])
def test_names_people_by_latin_american_french_portuguese_and_korean_given_names(finder, given):
    text = f"La inversión rondaría los 95 millones, estimó {given}."
    assert (given, "PER") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_a_known_persons_surname_after_another_given_name_is_another_person(finder):
    """'Derek Keller' is not the catalogue's Jim Keller; 'Keller' after 'Jim Keller' still is."""
    found = [(m[0], m[2]) for m in names(finder, "Lo dijo Derek Keller, su vicepresidente. Jim Keller, de Tenstorrent, calla.")]
    assert ("Derek Keller", "Derek Keller") in found and ("Jim Keller", "Jim Keller") in found, found


def test_names_two_places_joined_by_y_are_no_person(finder):
    """'Virginia' is a given name, but 'Virginia y Texas' are two states, not a surname with 'y'."""
    text = "La empresa opera centros de datos en Virginia y Texas desde 2019."
    assert [m for m in names(finder, text) if m[1] == "PER"] == [], names(finder, text)


def test_names_an_acronym_defined_as_a_regime_is_no_organisation(finder):
    """'Régimen de Incentivo para Grandes Inversiones (RIGI)' is a law; 'el RIGI' later is no ORG."""
    text = "El proyecto pide ingresar al Régimen de Incentivo para Grandes Inversiones (RIGI). El RIGI exige inversiones."
    ents = [(m, m + 4, "ORG") for m in (text.index("RIGI"), text.rindex("RIGI"))]
    assert names(finder, text, ents) == []


def test_names_a_body_introduced_by_a_non_company_noun_keeps_its_own_kind(finder):
    """'el gremio Asociación Mexicana de Data Centers', 'la coalición Red Agua Limpia' are no companies."""
    text = "Lo dijo el gremio Asociación Mexicana de Data Centers en su informe, y la coalición Red Agua Limpia lo negó."
    found = [(m.text, m.category) for m in finder.find(text) if m.label == "ORG"]
    assert ("Asociación Mexicana de Data Centers", "civil") in found and ("Red Agua Limpia", "civil") in found, found


@pytest.mark.parametrize(
    "text, name, canonical",
    [
        # a name may hold one "de" phrase, with a legal form or after a company noun
        ("Lo integran la generadora Vientos del Golfo S.A. y otra firma.", "Vientos del Golfo S.A.", "Vientos del Golfo"),
        ("El campus que la promotora vizcaína Itsaso Datu Zentroak planea en Ortuella.", "Itsaso Datu Zentroak", "Itsaso Datu Zentroak"),
        # but a place after "de" is where the company is, not its name, unless a common word alone is left
        ("La firma Nubaria de Querétaro invertirá en el campus.", "Nubaria", "Nubaria"),
        ("El colectivo Aguas del Santa Lucía recuerda que la cuenca abastece a la capital.", "Aguas del Santa Lucía", "Aguas del Santa Lucía"),
        # what a name is for stays in it ("para el Atlántico"); a state firm, an employers' body and a citizens' watchdog by their nouns
        ("Es un subsidio, según la veeduría ciudadana Luz para el Atlántico.", "Luz para el Atlántico", "Luz para el Atlántico"),
        ("La obra la ejecutaría la estatal Desarrollo País.", "Desarrollo País", "Desarrollo País"),
        ("Según el último informe de la patronal eléctrica Aelec, la demanda crece.", "Aelec", "Aelec"),
    ],
)
def test_names_unlisted_companies_with_a_de_phrase(finder, text, name, canonical):
    assert (name, "ORG", canonical) in [(m[0], m[1], m[2]) for m in names(finder, text)], names(finder, text)


def test_names_unknown_names_listed_with_a_known_company_are_companies(finder):
    text = "La ronda la lideraron Microsoft, Kestrova y Brumalia, y también entró Nvidia."
    found = [(m[0], m[1]) for m in names(finder, text)]
    assert ("Kestrova", "ORG") in found and ("Brumalia", "ORG") in found, found


def test_names_a_list_with_a_place_or_an_opening_word_is_no_list_of_companies(finder):
    found = [m[0] for m in names(finder, "Tiene sedes en Lima, Arequipa y Oracle. Supuestamente, Oracle negocia.")]
    assert "Arequipa" not in found and "Supuestamente" not in found, found


def test_names_a_capital_word_repeated_alone_mid_sentence_is_an_organisation(finder):
    text = "El acuerdo de Kestrova con el Gobierno es firme. Según fuentes, Kestrova invertirá más y el plan de Kestrova sigue."
    assert [m[:2] for m in names(finder, text)].count(("Kestrova", "ORG")) >= 2, names(finder, text)


@pytest.mark.parametrize("text", [
    "Viven en la Sabana de Bogotá y el agua de la Sabana escasea; en la Sabana hay pozos.",
    "El modelo Llama 3 fue entrenado y luego presentaron Llama 4 y también Llama.",
    # a site a plant is named after
    "Pidió acceso en la subestación de Aboño. El cierre de Aboño costó empleos y Aboño ya no quema carbón.",
    # a portfolio's word, a department, an NGO by its kind, an environmental filing
    "Lo dijo el ministro de Energía y Minas ayer; el ministro de Energía y Minas insistió después.",
    "Para Rodrigo Valenzuela, académico de Ingeniería Eléctrica, la red no alcanza.",
    "La denuncia la presentó una ONG local; la ONG pide más agua.",
    "La empresa presentó la Manifestación de Impacto Ambiental (MIA); la MIA detalla el consumo.",
])
def test_names_repeated_capitals_of_places_and_products_are_no_organisations(finder, text):
    assert not [m for m in names(finder, text) if m[1] == "ORG"], names(finder, text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("El operador crecerá, dijo el Jefe Ejecutivo Daniel Okafor a Reuters.", ("Daniel Okafor", "PER"), "Jefe Ejecutivo Daniel Okafor"),
        ("Lo confirmó a este medio su gerente de Energía, Rodrigo Baeza.", ("Rodrigo Baeza", "PER"), "Energía"),
        # a post's adjective before its portfolio
        ("Según datos del Coordinador Eléctrico Nacional, la demanda subió.", ("Coordinador Eléctrico Nacional", "ORG"), None),
        # a known name that starts a longer name read by its form is that name's first word
        ("Andina Cómputo, fundada en Bucaramanga, facturó más.", ("Andina Cómputo", "ORG"), "Andina"),
    ],
)
def test_names_titles_portfolios_and_longer_names(finder, text, expected, absent):
    found = [(m[0], m[1]) for m in names(finder, text)]
    assert expected in found and all(m[0] != absent for m in found), found


@pytest.mark.parametrize(
    "text, name",
    [
        ("MEJILLONES.- Desierto Digital SpA presentó el estudio.", "Desierto Digital SpA"),
        # a Venezuelan compañía anónima
        ("MARACAIBO.- Antorcha Digital, C.A., una empresa zuliana, firmó el acuerdo.", "Antorcha Digital, C.A."),
    ],
)
def test_names_a_dateline_is_no_part_of_the_name_after_it(finder, text, name):
    found = [m[0] for m in names(finder, text)]
    assert found == [name], found


def test_names_a_short_form_inside_a_place_name_is_the_place(finder):
    text = "La promotora Henares Data Campus S.L., con sede en Alcalá de Henares, registró el plan. Henares invertirá."
    found = [(m[0], m[1]) for m in names(finder, text)]
    assert ("Henares", "ORG") in found and found.count(("Henares", "ORG")) == 1, found


def test_names_a_system_named_in_quotes(finder):
    found = [(m[0], m[1]) for m in names(finder, "Adjudicó el supercomputador 'Albufera' y luego el clúster «Nodo Sur».")]
    assert ("Albufera", "HARDWARE") in found and ("Nodo Sur", "HARDWARE") in found, found


def test_names_a_listed_portfolio_is_no_organisation(finder):
    text = "La consellera de Innovación, Industria, Comercio y Turismo, Elena Lloret, habló."
    ents = _ents(text, "Comercio")
    assert "Comercio" not in [m[0] for m in names(finder, text, ents)]


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("Lo financian la Xunta de Galicia y el Consejo Superior de Investigaciones Científicas.",
         ("Consejo Superior de Investigaciones Científicas", "ORG"), "Xunta de Galicia y el Consejo Superior de Investigaciones Científicas"),
        ("La Gobernación de Santander y el Gobierno Regional de Antofagasta pagan.", ("Gobierno Regional de Antofagasta", "ORG"), None),
        ("El campus está en Cartersville. Georgia Power confirmó la solicitud.", ("Georgia Power", "ORG"), "Cartersville. Georgia Power"),
        ("Oracle Elige A AMD En Nuevo Supercúmulo De IA\nOracle compró chips.", ("AMD", "ORG"), "AMD En Nuevo Supercúmulo De IA"),
        ("El nuevo edificio de ADI Data Center en Arrasate crece.", ("ADI Data Center", "ORG"), "Center"),
    ],
)
def test_names_two_bodies_sentence_ends_and_headlines(finder, text, expected, absent):
    found = [(m[0], m[1]) for m in names(finder, text)]
    assert expected in found and all(m[0] != absent for m in found), found


@pytest.mark.parametrize(
    "text, name, canonical",
    [
        ("La Comisión de Servicio Público de Georgia (PSC, por sus siglas en inglés) revisa el caso. La PSC decidirá.", "PSC", "Georgia Public Service Commission"),
        ("La Gobernación de Santander aportará regalías.", "Gobernación de Santander", "Government of Santander"),
        ("El Gobierno Regional de Antofagasta comprometió fondos.", "Gobierno Regional de Antofagasta", "Government of Antofagasta"),
        # a known name's branch by its country's adjective, and a known name's legal form, belong to its span
        ("La Empresa de Transmisión Eléctrica Dominicana informó la obra.", "Empresa de Transmisión Eléctrica Dominicana", "Empresa de Transmisión Eléctrica Dominicana"),
        ("La Empresa Eléctrica de Guatemala, S.A. (EEGSA) conectará el campus.", "Empresa Eléctrica de Guatemala, S.A.", "Empresa Eléctrica de Guatemala"),
        ("El fabricante Korvo Semiconductor Manufacturing Co. (KSMC) dijo que sí. KSMC pagará.", "KSMC", "Korvo Semiconductor Manufacturing"),
        ("AEP Texas, la empresa que llevaría la energía al sitio, calcula el costo.", "AEP Texas", "AEP Texas"),
        # universities and state congresses by their English names; "del" only before a place
        ("La Universidad Autónoma de Nuevo León abrirá un laboratorio.", "Universidad Autónoma de Nuevo León", "Autonomous University of Nuevo León"),
        ("La Universidad del Atlántico formará técnicos.", "Universidad del Atlántico", "University of Atlántico"),
        ("La Universidad del Norte firmó el contrato.", "Universidad del Norte", "Universidad del Norte"),
        ("El Congreso de Yucatán aprobó la rebaja.", "Congreso de Yucatán", "Congress of Yucatán"),
        # a US state's legislature by the state's name first; another country's senate is the Senate of it
        ("La propuesta pasó en el Senado de Texas.", "Senado de Texas", "Texas Senate"),
        ("El Senado de Chile aprobó la ley.", "Senado de Chile", "Senate of Chile"),
        ("El Ministerio de Hacienda y Crédito Público publicó el informe.", "Ministerio de Hacienda y Crédito Público", "Ministry of Finance and Public Credit"),
        ("El Ministerio de Asuntos Económicos aportará el subsidio.", "Ministerio de Asuntos Económicos", "Ministry of Economic Affairs"),
        ("La Universidad Industrial de Santander operará el equipo.", "Universidad Industrial de Santander", "Industrial University of Santander"),
        ("La Universidad Mayor de San Andrés formará técnicos.", "Universidad Mayor de San Andrés", "Higher University of San Andrés"),
        ("La Agència Catalana de l'Aigua (ACA) calcula que sí.", "Agència Catalana de l'Aigua", "Catalan Water Agency"),
        ("El Ministerio de Obras Públicas, Servicios y Vivienda lo aprobó.", "Ministerio de Obras Públicas, Servicios y Vivienda", "Ministry of Public Works, Services and Housing"),
        # no English name is made up word by word: the contract's own example keeps the Spanish name
        ("La Comisión Nacional de Energía (CNE) abrió la audiencia. La CNE decidirá.", "CNE", "Comisión Nacional de Energía"),
        # "y de la" joins one ministry's portfolios; it parts two bodies by their heads
        (
            "El Ministerio de Telecomunicaciones y de la Sociedad de la Información (Mintel) abrió la licitación.",
            "Mintel", "Ministry of Telecommunications and Information Society",
        ),
        ("Pidió la opinión de la Contraloría General del Estado y de la Asamblea Nacional.", "Contraloría General del Estado", "Contraloría General del Estado"),
        # the state power, oil and telecom companies of the Spanish-speaking countries are known
        ("La estatal Corpoelec reconoce un déficit de 1.200 MW.", "Corpoelec", "Corpoelec"),
    ],
)
def test_names_canonicals_of_glossed_acronyms_and_regional_governments(finder, text, name, canonical):
    assert (name, canonical) in [(m[0], m[2]) for m in names(finder, text)], names(finder, text)


def test_names_a_verb_between_a_company_noun_and_a_currency_is_no_name(finder):
    """'La compañía invertirá S/ 1.150 millones': 'invertirá' is no adjective and 'S' no firm."""
    assert names(finder, "La compañía invertirá S/ 1.150 millones en Lima.") == []


def test_names_an_official_gazette_is_a_publication(finder):
    found = finder.find("Lo publicó en el Diario Oficial de la Federación (DOF) y el DOF lo confirmó.")
    assert {m.category for m in found if m.label == "ORG"} == {"media"}, [(m.text, m.category) for m in found]


def test_names_short_forms_of_a_name_and_places_named_alike(finder):
    text = ("Lo denunció la organización Wharton County Water Watch. El condado de Wharton aprobó la rebaja para la firma Gulf Coast Compute Partners LLC. "
            "Gulf Coast no ha revelado a su inquilino.")
    found = [(m[0], m[2]) for m in names(finder, text, _ents(text, "Gulf Coast no", label="ORG"))]
    assert ("Wharton", "Wharton County Water Watch") not in found, found
    assert ("Gulf Coast", "Gulf Coast Compute Partners") in found, found


def test_names_a_capitalised_post_of_a_company_is_no_person(finder):
    text = "Los clientes pagan por adelantado, dijo el Jefe Ejecutivo de Redstone, Marcus Hale."
    found = names(finder, text, _ents(text, "Jefe Ejecutivo de Redstone", label="PER"))
    assert "Jefe Ejecutivo de Redstone" not in [m[0] for m in found], found


def test_names_a_capitalised_job_title_the_model_takes_in_is_no_part_of_the_name(finder):
    text = "El operador crecerá, dijo el Jefe Ejecutivo Daniel Okafor a Reuters."
    found = names(finder, text, _ents(text, "Jefe Ejecutivo Daniel Okafor", label="PER"))
    assert ("Daniel Okafor", "PER") in [(m[0], m[1]) for m in found], found


@pytest.mark.parametrize(
    "text, acronym, canonical",
    [
        ("Lo dijo la Asociación Mexicana de Data Centers (MEXDC). La MEXDC lo repitió.", "MEXDC", "Asociación Mexicana de Data Centers"),
        ("La Comisión de Calidad Ambiental de Texas (TCEQ) abrió el plazo. La TCEQ decidirá.", "TCEQ", "Texas Commission on Environmental Quality"),
        # a short name in brackets, fitting or not: a portmanteau, a historical acronym
        ("El Ministerio de Ciencia, Tecnología e Innovación (MinCiencias) adjudicó. MinCiencias pagará.", "MinCiencias", "Ministry of Science, Technology and Innovation"),
        ("El Operador Nacional de Electricidad (Cenace) estima que no. El Cenace revisará.", "Cenace", "Operador Nacional de Electricidad"),
        ("El Movimiento por un Uruguay Sustentable (Movus) calcula que sí. Movus insiste.", "Movus", "Movimiento por un Uruguay Sustentable"),
        # a list inside the name goes on after a comma and "de"
        ("La Cámara Nacional de la Industria Electrónica, de Telecomunicaciones y Tecnologías de la Información (Canieti) calcula que sí. "
         "Canieti insiste.", "Canieti", "Cámara Nacional de la Industria Electrónica, de Telecomunicaciones y Tecnologías de la Información"),
        # Galician and Portuguese names join their words with "para a", "do", "da"
        ("La Asociación para a Protección do Río Sar (Aprosar) discute esas cuentas. Aprosar insiste.", "Aprosar",
         "Asociación para a Protección do Río Sar"),
        # the letters of a currency (Singapore's dollar) defined as a body's name are that body
        ("La Secretaría de Gobierno Digital (SGD) abrió la licitación. La SGD descontará UF 30 por hora.", "SGD",
         "Secretaría de Gobierno Digital"),
    ],
)
def test_names_an_acronym_of_another_language_or_without_the_head_noun_still_defines(finder, text, acronym, canonical):
    """Real acronyms skip the head noun (MEXDC) or are the English name's
    (TCEQ): every mention still takes the full name."""
    found = [(m[0], m[2]) for m in names(finder, text) if m[0] == acronym]
    assert found == [(acronym, canonical)] * 2, names(finder, text)


def test_names_a_person_before_a_comma_and_de_is_no_part_of_an_acronyms_name(finder):
    text = "Según Jorge Castro Vargas, de la Universidad de Costa Rica (UCR), el costo sería mayor. La UCR insiste."
    found = [(m[0], m[2]) for m in names(finder, text) if m[0] == "UCR"]
    assert found and all(c == "University of Costa Rica" for _, c in found), names(finder, text)


def test_names_a_town_written_after_en_is_no_company(finder):
    """'construir en Malagueño', 'el mayor proyecto de Malagueño': a word the
    article mostly writes after 'en' is a place, however often it recurs."""
    text = "Un campus en Malagueño. La firma quiere construir en Malagueño un centro. Será el mayor proyecto de Malagueño."
    ents = [(m.start(), m.end(), "ORG") for m in re.finditer("Malagueño", text)]
    assert not any(m[0] == "Malagueño" for m in names(finder, text, ents)), names(finder, text, ents)


def test_names_a_currency_code_is_no_organisation(finder):
    """'unos USD 12 millones ... eleva a USD 14 millones': a code the article
    repeats mid-sentence is money, and the number keeps it."""
    text = "Cada hora costaría unos USD 12 millones, cifra que la Cámara eleva a USD 14 millones; el plan vale USD 1,100 millones."
    ents = [(m.start(), m.end(), "ORG") for m in re.finditer("USD", text)]
    assert not any(m[0] == "USD" for m in names(finder, text, ents)), names(finder, text, ents)


@pytest.mark.parametrize("text, person", [
    ("El director de Distribución de la CFE, Eustolio Tzompantzi Cuapio, presumió la obra.", "Eustolio Tzompantzi Cuapio"),
    ("“Hay un sensor cada tres metros”, explicó la jefa del sitio, Zuriñe Otxoa.", "Zuriñe Otxoa"),
    # and one opening a clause before its post
    ("Por su parte, Yoslandy Quesada Tamayo, director de Redes de la empresa, informó que la obra terminó.", "Yoslandy Quesada Tamayo"),
    ("Eso dijo Irantzu Etxeberria Urkiza, portavoz del colectivo, en la asamblea.", "Irantzu Etxeberria Urkiza"),
    ("Por su parte, Yosmel Goikoetxea Lasa, abogada de la plataforma, dijo que el recurso sigue.", "Yosmel Goikoetxea Lasa"),
])
def test_names_a_name_in_apposition_to_a_post_is_a_person_whatever_its_given_name(finder, text, person):
    """A given name no list holds is still a person's when the name is set off after a post."""
    assert (person, "PER") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_an_organisation_after_a_post_and_a_comma_stays_an_organisation(finder):
    found = names(finder, "Lo explicó el gerente del parque, Altamira Data Centers, en un comunicado.")
    assert not any(label == "PER" for _, label, *_ in found), found


def test_names_a_place_or_a_body_before_a_post_is_no_person(finder):
    """'En Nuevo León, el gobernador...': a place before a post is no person."""
    found = names(finder, "La obra se frenó. Nuevo León, el gobernador del estado y la empresa firmaron el convenio.")
    assert not any(label == "PER" for _, label, *_ in found), found


@pytest.mark.parametrize("text, name", [
    ("El Instituto do Meio Ambiente anunció la licencia.", "Instituto do Meio Ambiente"),
    ("La Asociación para a Defensa do Territorio recurrió el permiso.", "Asociación para a Defensa do Territorio"),
])
def test_names_galician_and_portuguese_institutions_keep_their_connectors(finder, text, name):
    assert (name, "ORG") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


@pytest.mark.parametrize("place", ["Villa Hayes", "San Pedro Sula", "Santa Tecla", "Ciudad Quesada", "Los Alcarrizos", "Santurtzi", "Talcahuano"])
def test_names_towns_of_every_spanish_speaking_country_are_places(finder, place):
    """The gazetteer covers Paraguay, Central America and the Caribbean as it does Mexico or Spain."""
    text = f"La firma levantará el campus en las afueras de {place}. Será el mayor proyecto de {place} en una década."
    ents = [(m.start(), m.end(), "ORG") for m in re.finditer(place, text)]
    assert not any(m[0] == place for m in names(finder, text, ents)), names(finder, text, ents)


@pytest.mark.parametrize(
    "text",
    [
        "Servicios Web de Amazonas abrió una región. Oráculo, que construye centros para OpenAI, también crece.",
        "Por separado, Oráculo dijo el martes que desplegará 50,000 GPUs.",
    ],
)
def test_names_translated_names_on_a_translated_page_or_when_they_speak(finder, text):
    """'Oráculo' is Oracle where the page shows other translator damage or where it speaks."""
    assert ("Oráculo", "Oracle") in [(m[0], m[2]) for m in names(finder, text)], names(finder, text)


def test_names_a_wire_credit_in_brackets_defines_no_short_name(finder):
    found = names(finder, "Lo dijo el Ministerio de Energía (EFE).")
    assert ("EFE", "EFE") in [(m[0], m[2]) for m in found], found


@pytest.mark.parametrize(
    "country, text, name, canonical",
    [
        ("CR", "Las empresas han pedido al Gobierno una rebaja de tarifas.", "Gobierno", "Government of Costa Rica"),
        ("PY", "La tarifa que fijó el Poder Ejecutivo preocupa en el Congreso.", "Congreso", "Congress of Paraguay"),
        ("ES", "La ley pasará por el Congreso en marzo.", "Congreso", "Congress of Deputies"),
        # the central bank by its established English name, which is not always "Central Bank of X"
        ("DO", "Las exportaciones crecieron un 4.6%, según el Banco Central.", "Banco Central", "Central Bank of the Dominican Republic"),
        ("AR", "Las reservas cayeron, informó el Banco Central.", "Banco Central", "Central Bank of Argentina"),
        ("MX", "La inflación bajó, dijo el Banco Central.", "Banco Central", "Bank of Mexico"),
        # "el INE": the statistics office, but Mexico's is its electoral institute
        ("ES", "Según el INE, los hogares gastaron 21 hectómetros cúbicos.", "INE", "National Statistics Institute"),
        ("UY", "Según el INE, la población creció.", "INE", "National Institute of Statistics of Uruguay"),
        ("MX", "Ayer el INE aprobó el presupuesto de la elección.", "INE", "National Electoral Institute"),
        # a feminine body after "la", and one opening its sentence
        ("CL", "La firma presentará un recurso de casación ante la Corte Suprema.", "Corte Suprema", "Supreme Court of Chile"),
        ("EC", "La Asamblea aprobó la ley. El Ejecutivo tiene 30 días para sancionarla.", "Ejecutivo", "Government of Ecuador"),
        # the other words the press uses for the same institutions
        ("ES", "La empresa estudia recurrir ante el Supremo.", "Supremo", "Supreme Court of Spain"),
        ("PY", "Según el expediente que la compañía remitió al Legislativo, la obra costará más.", "Legislativo", "Congress of Paraguay"),
    ],
)
def test_names_a_countrys_own_institutions_written_bare(finder, country, text, name, canonical):
    """'el Gobierno', 'el Congreso': the outlet's country's own institutions."""
    found = [(m.text, m.canonical) for m in finder.find(text, country=country)]
    assert (name, canonical) in found, found


def test_names_a_regional_government_or_a_named_one_is_not_the_countrys(finder):
    found = [(m.text, m.canonical) for m in finder.find("Lo pidió el Gobierno regional; el Gobierno de Chile calla.", country="PE")]
    assert not any(c == "Government of Peru" for _, c in found), found


def test_names_an_officer_or_an_opening_word_that_is_no_countrys_institution(finder):
    """'el ejecutivo' in lower case is a firm's officer; 'El Gobierno Vasco' opening a sentence is the region's."""
    found = [(m.text, m.canonical) for m in finder.find("Lo confirmó el ejecutivo de la firma. El Gobierno Vasco calla.", country="ES")]
    assert not any(c == "Government of Spain" for _, c in found), found


@pytest.mark.parametrize(
    "text, name, canonical",
    [
        # the data providers and analysts the press quotes, and banks and brokers of Spain and Latin America
        ("La empresa recaudó 6 millones, según datos de PitchBook.", "PitchBook", "PitchBook"),
        ("Según BloombergNEF, la demanda se duplicará.", "BloombergNEF", "BloombergNEF"),
        ("El crédito lo encabeza Wells Fargo.", "Wells Fargo", "Wells Fargo"),
        ("Monex mantuvo su recomendación de compra.", "Monex", "Monex"),
        ("El analista de Raymond James elevó su estimación.", "Raymond James", "Raymond James"),
        # public bodies the press writes by their acronym or short name alone, with no definition
        ("La CNMC ha resuelto 46 conflictos de acceso.", "CNMC", "National Commission on Markets and Competition"),
        ("Presentó el estudio ante la Semarnat.", "Semarnat", "Secretariat of Environment and Natural Resources"),
        ("Una economista de la Udelar pide ver las cuentas.", "Udelar", "University of the Republic"),
        # the IDB's private arm, not the IDB cut short
        ("Cerró un crédito con Banco General y BID Invest.", "BID Invest", "IDB Invest"),
        # utilities, grid operators, regulators, unions and wires of the region, from the catalogue
        ("La distribuidora Saesa confirmó la conexión.", "Saesa", "Saesa"),
        ("Según el ONS, las solicitudes suman 9.800 MW.", "ONS", "Operador Nacional do Sistema Elétrico"),
        ("El PIT-CNT convocó a un paro.", "PIT-CNT", "PIT-CNT"),
        ("La empresa lo anunció en un comunicado distribuido por PR Newswire.", "PR Newswire", "PR Newswire"),
        # a company's acronym written alone takes the full name, as an acronym the article defines does
        ("La OMIE publicó los precios.", "OMIE", "Operador del Mercado Ibérico de Energía"),
    ],
)
def test_names_catalogued_bodies_written_alone(finder, text, name, canonical):
    found = [(m.text, m.canonical) for m in finder.find(text)]
    assert (name, canonical) in found, found


@pytest.mark.xfail(reason="a catalogued acronym keeps the catalogue's body even where the article spells it out as another; "
                   "it is kept so that a translated page's word-by-word full name ('Taiwán Semiconductor Fabricación Co (TSMC)') "
                   "still names the known firm, and ambiguous acronyms stay out of the catalogue instead", strict=True)
def test_names_a_catalogued_acronym_takes_the_body_the_article_spells_out(finder):
    """'la Agencia Nacional de Desarrollo Económico (ANDE)': the article's
    ANDE, not the Paraguayan utility the catalogue knows by those letters."""
    text = "La Agencia Nacional de Desarrollo Económico (ANDE) financiará el centro. La ANDE aportará 5 millones."
    found = [(m.text, m.canonical) for m in finder.find(text)]
    assert ("ANDE", "Agencia Nacional de Desarrollo Económico") in found, found


def test_names_an_acronym_the_article_defines_is_not_a_catalogued_bodys(finder):
    """'El Banco Central del Ecuador (BCE)': Ecuador's, not the European Central Bank."""
    found = [(m.text, m.canonical) for m in finder.find("El Banco Central del Ecuador (BCE) firmó un contrato. El BCE pagará 12 millones.", country="EC")]
    assert not any(c == "European Central Bank" for _, c in found), found


def test_names_a_known_bank_starting_a_longer_name_an_analyst_is_introduced_by(finder):
    """'analista de Davivienda Corredores': the brokerage, not the bank that starts its name."""
    found = [(m.text, m.canonical) for m in finder.find("Para Daniela Correa, analista de Davivienda Corredores, el plan podría sumar $ 2 billones.")]
    assert ("Davivienda Corredores", "Davivienda Corredores") in found, found


def test_names_a_spanish_regions_government_written_bare(finder):
    """'la Generalitat' in an article about Valencia is the Generalitat Valenciana; in one about Barcelona, Catalonia's."""
    valencia = "La Comunitat Valenciana se suma a la red. La Generalitat aportará 30 millones, dijo en Valencia."
    barcelona = "El centro de Barcelona crece. La Generalitat aportará 30 millones."
    assert ("Generalitat", "Generalitat Valenciana") in [(m.text, m.canonical) for m in finder.find(valencia, country="ES")]
    assert ("Generalitat", "Government of Catalonia") in [(m.text, m.canonical) for m in finder.find(barcelona, country="ES")]


@pytest.mark.parametrize(
    "text, word",
    [
        ("La desarrolladora Andes Cómputo proyecta US$ 1.800 millones. El proyecto costará US$ 210 millones y US$ 68 millones.", "US"),
        ("La firma presentó una Declaración de Impacto Ambiental (DIA). Según la DIA, usará 11 litros por segundo.", "DIA"),
        # Chile's unit of account, written before its amounts
        ("La empresa pagará UF 2,5 millones por la concesión. El Estado recibirá UF 1,2 millones más.", "UF"),
    ],
)
def test_names_a_currency_sign_or_a_document_is_no_organisation(finder, text, word):
    ents = [(m.start(), m.end(), "ORG") for m in re.finditer(re.escape(word), text)]  # as the model reads them
    assert not any(m[0] == word for m in names(finder, text, ents)), names(finder, text, ents)


def test_names_a_group_is_named_later_by_the_word_after_its_head(finder):
    text = "El parque lo desarrolla Grupo Nexo Parques Industriales, S.A. de C.V., que vendió 42 hectáreas. Nexo levantará tres naves."
    assert ("Nexo", "Grupo Nexo Parques Industriales") in [(m[0], m[2]) for m in names(finder, text)], names(finder, text)


def test_names_a_company_introduced_by_a_feminine_demonym(finder):
    """'la regiomontana Axtel' stands for 'la empresa regiomontana Axtel'; a person keeps being a person."""
    found = names(finder, "En paralelo, la regiomontana Axtel informó que ampliará su centro. Lo dijo la chilena Michelle Bachelet.")
    assert ("Axtel", "ORG") in [(m[0], m[1]) for m in found] and ("Michelle Bachelet", "ORG") not in [(m[0], m[1]) for m in found], found


def test_names_a_translated_page_writes_its_damaged_names_at_a_sentences_start_too(finder):
    text = "Servicios Web de Amazonas abrió una región.\nAlfabeto dijo que espera gastar más. El laboratorio Coherente también."
    found = [(m[0], m[2]) for m in names(finder, text)]
    assert ("Alfabeto", "Alphabet") in found and ("Coherente", "Cohere") in found, found


@pytest.mark.parametrize(
    "text, name, canonical",
    [
        ("MENLO PARK, California (Reuters) — Meta Plataformas Inc. dijo el martes que firmó un acuerdo.", "Meta Plataformas Inc.", "Meta"),
        ("La firma Compañía Minera Antaccasa S.A.A. firmó con Engie.", "Compañía Minera Antaccasa S.A.A.", "Compañía Minera Antaccasa"),
        ("Las acciones de Dispositivos Micro Avanzados subieron.", "Dispositivos Micro Avanzados", "AMD"),
        ("Meta firmó un PPA con Energía de Constelación por 20 años.", "Energía de Constelación", "Constellation Energy"),
        ("Osinergmin, por su parte, reportó que los usuarios libres crecieron.", "Osinergmin", "Osinergmin"),
        ("Un informe de la consultora Arizmendi & Asociados proyecta que crecerá.", "Arizmendi & Asociados", "Arizmendi & Asociados"),
        ("La Administración Nacional de Usinas y Trasmisiones Eléctricas (UTE) rebaja la cifra.", "UTE", "Administración Nacional de Usinas y Trasmisiones Eléctricas"),
    ],
)
def test_names_known_names_with_a_legal_form_and_more_translations(finder, text, name, canonical):
    assert (name, canonical) in [(m[0], m[2]) for m in names(finder, text)], names(finder, text)


def test_names_a_system_noun_opening_a_clause_after_a_comma_names_no_system(finder):
    """'publicado en el Secop II, el sistema reunirá...' is no apposition; 'Quimbaya, el supercomputador que...' is."""
    found = [(m[0], m[1]) for m in names(finder, "De acuerdo con el informe, publicado en el Secop II, el sistema reunirá 32 nodos.")]
    assert ("Secop II", "HARDWARE") not in found, found
    found = [(m[0], m[1]) for m in names(finder, "MinCiencias adjudicó Quimbaya, el supercomputador que tendrá 256 GPU.")]
    assert ("Quimbaya", "HARDWARE") in found, found


def test_names_a_legal_form_makes_a_company_and_its_last_word_a_short_name(finder):
    """'Compañía Minera Antaccasa S.A.A.' is a company, not an institution, and 'Antaccasa' is it."""
    found = [(m.text, m.canonical, m.category) for m in finder.find("La Compañía Minera Antaccasa S.A.A. firmó con Engie. Antaccasa pagará.")]
    assert ("Antaccasa", "Compañía Minera Antaccasa", "company") in found, found


@pytest.mark.parametrize("person", ["Ibarra", "Durán"])
def test_names_a_surname_that_is_also_a_town_stays_a_person(finder, person):
    """The gazetteer leaves out towns named like common surnames ('Ibarra', 'Durán')."""
    text = f"El director, Jorge {person}, dijo que la planta abrirá en marzo. {person} añadió que habrá 450 empleos."
    assert (f"Jorge {person}", "PER") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_a_test_or_a_ranking_is_no_system(finder):
    """'En la lista Top500, el supercomputador de mayor potencia...': the ranking's name is no machine."""
    found = [(m[0], m[1]) for m in names(finder, "En la lista Top500, el supercomputador de mayor potencia es estadounidense.")]
    assert ("Top500", "HARDWARE") not in found, found


def test_names_a_firm_whose_name_ends_in_ia(finder):
    """'Nébula IA, el laboratorio madrileño...': 'IA' ends the firm's name; it is no person."""
    found = [(m[0], m[1]) for m in names(finder, "Nébula IA, el laboratorio madrileño de inteligencia artificial, ha cerrado una ronda.")]
    assert ("Nébula IA", "ORG") in found, found


def test_names_a_union_is_named_later_by_its_trade(finder):
    """'Luz y Fuerza' after 'el Sindicato de Luz y Fuerza de Córdoba' is the
    union, though 'Luz' is a given name."""
    text = "El Sindicato de Luz y Fuerza de Córdoba rechazó el plan. Luz y Fuerza reclama puestos locales."
    found = [(m[0], m[1], m[2]) for m in names(finder, text) if m[0] == "Luz y Fuerza"]
    assert found == [("Luz y Fuerza", "ORG", "Sindicato de Luz y Fuerza de Córdoba")], names(finder, text)


def test_names_a_page_that_says_it_was_machine_translated_reads_translated_names(finder):
    text = "Este artículo fue traducido automáticamente del inglés.\nLos préstamos cubren contratos con clientes que incluyen Oráculo."
    assert ("Oráculo", "ORG", "Oracle") in [(m[0], m[1], m[2]) for m in names(finder, text)], names(finder, text)
    plain = "Los préstamos cubren contratos con clientes que incluyen Oráculo."
    assert "Oráculo" not in [m[0] for m in names(finder, plain)], names(finder, plain)


def test_names_a_projects_given_name_after_a_company_noun_is_no_organisation(finder):
    text = "El campus, que la compañía llama Proyecto Mesquite, se ubicará cerca de Rockdale."
    assert "Proyecto Mesquite" not in [m[0] for m in names(finder, text)], names(finder, text)


def test_names_a_town_bracketed_with_its_province_is_a_place_by_its_first_word_too(finder):
    """'en Navalmoral de la Mata (Cáceres)', then 'la alcaldesa de Navalmoral':
    the town, however often the article writes it alone."""
    text = ("La firma levantará el campus en Navalmoral de la Mata (Cáceres). La alcaldesa de Navalmoral lo celebra. "
            "Los vecinos de Navalmoral, en cambio, dudan. El campo de Navalmoral espera.")
    assert "Navalmoral" not in [m[0] for m in names(finder, text)], names(finder, text)


def test_names_a_known_acronym_keeps_its_name_whatever_the_translated_full_name(finder):
    text = "Taiwán Semiconductor Fabricación Co (TSMC) dijo que construirá una planta en Arizona."
    found = [(m[0], m[2]) for m in names(finder, text)]
    assert ("Taiwán Semiconductor Fabricación Co", "TSMC") in found and ("TSMC", "TSMC") in found, found


@pytest.mark.parametrize(
    "text, canonical",
    [
        # a translated page renders the firm's English field word in Spanish; the canonical takes it back
        ("Traducido automáticamente del inglés. Dahna IA, una empresa conjunta de dos fondos, comprará chips. Dahna pagará.", "Dahna AI"),
        # on a page written in Spanish the name stays as written
        ("Kuntur IA, una empresa de Quito, alquilará GPU. Kuntur pagará.", "Kuntur IA"),
    ],
)
def test_names_a_firm_introduced_by_an_indefinite_noun_and_its_translated_field_word(finder, text, canonical):
    found = [(m[0], m[2]) for m in names(finder, text)]
    short = text.split(".")[-2].split()[0]
    assert (canonical.replace(" AI", " IA"), canonical) in found and (short, canonical) in found, found


@pytest.mark.parametrize("notice, canonical", [("Traducido automáticamente del inglés. ", "Vakaro Memory Technologies"), ("", "Tecnologías de Memoria Vakaro")])
def test_names_a_translated_firms_field_words_are_read_back_in_english_order(finder, notice, canonical):
    """A translator writes 'Tecnologías de Memoria Vakaro' for Vakaro Memory Technologies; on a
    page written in Spanish the name stays as written. 'Vakaro' alone is the same firm."""
    found = {(m[0], m[2]) for m in names(finder, notice + "La firma Tecnologías de Memoria Vakaro gastará más. Vakaro no comentó.")}
    assert ("Tecnologías de Memoria Vakaro", canonical) in found and ("Vakaro", canonical) in found, found


def test_names_a_translated_firms_own_word_is_read_as_the_quoted_english_original_writes_it(finder):
    """'Fundición de Silicio Sonorense' reads back as '... Silicon Foundry'; the
    original English headline the page quotes says the own word is 'Sonoran'."""
    text = ("Traducido automáticamente del inglés. Fundición de Silicio Sonorense Inc., el fabricante de chips, construirá una fab. "
            "Las acciones de Sonorense subieron 6.4%.\nArtículo original en inglés: \"Sonoran Silicon Foundry to build a chip fab\"")
    found = {(m[0], m[2]) for m in names(finder, text)}
    assert ("Fundición de Silicio Sonorense Inc.", "Sonoran Silicon Foundry") in found and ("Sonorense", "Sonoran Silicon Foundry") in found, found


@pytest.mark.parametrize(
    "notice, canonical",
    [
        ("Esta página fue traducida automáticamente del inglés. ", "Falcon Compute"),
        # on a page written in Spanish a firm may well be called that
        ("", "Halcón Cómputo"),
    ],
)
def test_names_a_firm_name_translated_word_by_word_is_read_back_in_english(finder, notice, canonical):
    """A translator turns Falcon Compute into 'Halcón Cómputo', ordinary word by
    ordinary word; 'Halcón' alone is the same firm."""
    text = notice + "Halcón Cómputo, la compañía de infraestructura de IA, recibió las licencias. El proyecto de Halcón costará más."
    found = {(m[0], m[2]) for m in names(finder, text)}
    assert ("Halcón Cómputo", canonical) in found and ("Halcón", canonical) in found, found


@pytest.mark.parametrize(
    "text, canonical",
    [
        # an adjective the translator put after its noun comes first again, and the page's
        # headline writes the words closed up, with a field word after them
        ("Traducido automáticamente del inglés.\nGraniteSky Compute recauda fondos\n"
         "La firma Granito Cielo Cómputo, el proveedor de nube con sede en Austin, recaudó fondos.", "GraniteSky Compute"),
        ("Traducido automáticamente del inglés.\nRedstone Compute recauda deuda\n"
         "El préstamo fue liderado por Piedra Roja, la proveedora de nube, dijo la empresa.", "Redstone Compute"),
        # 'A de B' is 'B A'; without an English original on the page, the words read back
        ("Traducido automáticamente del inglés. La firma Energía de Roble Negro, la eléctrica de Wyoming, venderá gas.",
         "Black Oak Energy"),
    ],
)
def test_names_a_word_by_word_translation_takes_the_english_name_the_page_quotes(finder, text, canonical):
    translated = next(m for m in names(finder, text) if m[0] in ("Granito Cielo Cómputo", "Piedra Roja", "Energía de Roble Negro"))
    assert translated[2] == canonical, names(finder, text)


@pytest.mark.parametrize(
    "name, first",
    [
        ("Investigación Cumbre", "Summit Research"),  # the field word goes last
        ("Puerta Norte Centros de Datos", "North Gate Data Centers"),  # a direction after its noun, a field phrase
        ("Fuerza de Trueno", "Thunder Force"),  # "A de B" is "B A"
        ("Centros de Datos", None),  # field words alone name no firm
        ("Grupo Lumina", None),  # a word firms are not named with by translation
    ],
)
def test_names_readings_of_a_word_by_word_translation(name, first):
    found = readings(name, brand_words(), org_cues()["translated_name_words"])
    assert (found[0] if found else None) == first, found


def test_names_a_firm_named_with_a_word_firms_are_not_named_with_is_not_read_back(finder):
    """'Banco Santander' on a translated page is no English name in disguise."""
    text = "Traducido automáticamente del inglés. El crédito de Banco Santander, el banco español, venció."
    assert ("Banco Santander", "Banco Santander") in {(m[0], m[2]) for m in names(finder, text)}, names(finder, text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Para Francisca Merino, analista de BTG Pactual, la cifra es alta.", "BTG Pactual"),
        ("Luis Villalba, director de Tecnología de Caribe Cómputo, lo confirmó.", "Caribe Cómputo"),
        ("Dana Whitfield, analista de crédito en CreditSights, lo duda.", "CreditSights"),
        ("dijo el Jefe Ejecutivo de Redstone Compute, Mark Ellis.", "Redstone Compute"),
        # the maker of the chips or servers counted
        ("Instalará 16.000 aceleradores GB200 en 48 servidores XR900 de Vardalux.", "Vardalux"),
        ("Compró 2.000 GPU de Korvana para su nube.", "Korvana"),
        # a parent, a lender, a deal's other party; an outlet told
        ("Tapatía Cómputo, filial de Vellora, abrirá en 2027.", "Vellora"),
        ("Cerró un préstamo liderado por Brightwater por 300 millones.", "Brightwater"),
        ("El concejal lo dijo a Telenoticias 48 el martes.", "Telenoticias 48"),
        ("Fuentes del sector citadas por La Voz del Interior calculan 30 MW.", "La Voz del Interior"),
        # a word with a capital inside, named as a source
        ("De acuerdo con TerraFibra, la cartera suma 36 proyectos.", "TerraFibra"),
        ("La flota creció 12 %, según AndesPesca.", "AndesPesca"),
        # a firm in a list of beneficiaries, its town in brackets; a place opening its own name
        ("- Bastida Supercomputación (Zaragoza): 27 M€ para ampliar su centro.", "Bastida Supercomputación"),
        ("- Aurora Silicon Design (Málaga): 19,8 M€.", "Aurora Silicon Design"),
        ("Los beneficiarios\n- Semidisseny Quàntic (Barcelona): 31,2 M€ para un acelerador.", "Semidisseny Quàntic"),
        ("- Manchega de Cómputo Avanzado (Puertollano): 48,5 M€ para un clúster.", "Manchega de Cómputo Avanzado"),
        ("Los edificios de Harborline Compute usaron 1.460 acres-pies.", "Harborline Compute"),
        ("La decana de Daley College lo explicó.", "Daley College"),
        ("Lo dijo el socio de Montalvo & Urquijo Abogados, que la representa.", "Montalvo & Urquijo Abogados"),
        # "Fibra" heads a Mexican real-estate trust; the word after it names the trust later
        ("Fibra Tepeyac Digital (FTEPDIG) comprará el campus. Tepeyac pagará 300 mdd.", "Tepeyac"),
        # a name with "de" introduced by an apposition, and its later mention without the last word
        ("La ayuda va a Manchega de Cómputo Avanzado, la sociedad participada por Telefónica. Manchega de Cómputo pedirá más.", "Manchega de Cómputo"),
    ],
)
def test_names_organisations_by_what_the_page_says_of_them(finder, text, name):
    assert (name, "ORG") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a portfolio, a place, a post that is no employer's
        ("El director de Energía, Juan Soto, lo confirmó.", "Energía"),
        ("Su gerente de Comercialización, Rolando Vaca, firmó.", "Comercialización"),
        ("El alcalde de Caguas, Ramón Ortiz, lo celebró.", "Caguas"),
        ("advirtió el presidente de la Canieti en Occidente, que calcula 31 empresas.", "Occidente"),
        ("Importará 5.000 chips de Taiwán este año.", "Taiwán"),
        ("Firmó un acuerdo con Chile por diez años.", "Chile"),
        ("Según Quezada, la planta abrirá en 2026.", "Quezada"),
        # a name in apposition to a company is no list of companies
        ("El Senior Analyst de Contrapunto, Jae-won Park, estima que crecerá.", "Jae-won Park"),
    ],
)
def test_names_posts_of_portfolios_places_and_appositions_are_no_employers(finder, text, absent):
    assert absent not in [m[0] for m in names(finder, text) if m[1] == "ORG"], names(finder, text)


def test_names_a_mention_by_a_post_keeps_the_acronyms_full_name(finder):
    text = "La Empresa Mendocina de Energía (Emesa) licitó la obra. El presidente de Emesa, Néstor Pérez, firmó."
    assert {m[2] for m in names(finder, text) if m[0] == "Emesa"} == {"Empresa Mendocina de Energía"}, names(finder, text)


def test_names_a_state_firm_introduced_as_such_is_filed_as_an_agency(finder):
    """'la estatal Desarrollo País' reports as a public body does: not a company 'la firma' could mean."""
    found = [m for m in finder.find("La obra la ejecutaría la estatal Desarrollo País.", ()) if m.text == "Desarrollo País"]
    assert [m.category for m in found] == ["agency"], found


def test_names_a_damaged_name_is_of_its_catalogue_entrys_kind(finder):
    """'Investigación de Contrapunto' on a translated page reports figures, as
    Counterpoint Research does: it is no company 'la compañía' could mean."""
    found = [m for m in finder.find("Según Investigación de Contrapunto, la cuota subirá.", ()) if m.canonical == "Counterpoint Research"]
    assert [m.category for m in found] == ["media"], found


def test_names_a_place_before_an_apposition_is_where_not_who(finder):
    """'En el Camp de Tarragona, la promotora X...': the comarca, not an organisation."""
    text = "En el Camp de Tarragona, la promotora Tarraco Data Campus ultima un campus."
    assert "Camp de Tarragona" not in [m[0] for m in names(finder, text)], names(finder, text)


def test_names_a_party_is_named_in_english_and_is_no_company(finder):
    """'la diputada del PP': the People's Party, which speaks for others as a union does; Morena goes by its own name in English too."""
    from pipeline.claims.reference import is_company

    matches = finder.find("La diputada del PP registró preguntas; Morena votó en contra.", ())
    found = [(m.canonical, m.category) for m in matches]
    assert found == [("People's Party", "party"), ("Morena", "party")], found
    assert not any(is_company(m) for m in matches)


@pytest.mark.parametrize("text, canonical", [
    ("ASAJA calcula que se perderán unas 380 hectáreas de cereal.", "ASAJA"),
    ("La CTM pidió que el 80 % de los empleos sean locales.", "Confederation of Mexican Workers"),
])
def test_names_farmers_and_workers_unions_the_beat_cites(finder, text, canonical):
    """Farm and labour unions speak in land, water and jobs stories."""
    found = [(m[1], m[2]) for m in names(finder, text)]
    assert ("ORG", canonical) in found, found


def test_names_a_known_name_ending_a_firms_legal_name_is_that_firms_last_word(finder):
    """'Sierra Quanta Inc.' is not Quanta Computer, there nor where the article writes 'Sierra Quanta' again."""
    text = "La empresa Sierra Quanta Inc. levantará el campus. Sierra Quanta prevé contratar 185 personas. Quanta Computer arma servidores."
    found = [(m[0], m[2]) for m in names(finder, text)]
    assert found == [("Sierra Quanta Inc.", "Sierra Quanta"), ("Sierra Quanta", "Sierra Quanta"), ("Quanta Computer", "Quanta")], found


def test_names_ai_inside_a_firms_name_does_not_cut_it(finder):
    found = [(m[0], m[1]) for m in names(finder, "En la primera etapa Hanul AI Infra instalará unas 80.000 GPU.")]
    assert ("Hanul AI Infra", "ORG") in found, found


def test_names_japanese_firm_words_and_a_persons_employer_after_de(finder):
    """'Hoshikawa Shoji' is a trading house by its naming word; in 'el presidente Takuya Ogasawara de
    Hoshikawa' the 'de' names his employer, not a surname; 'Ana de la Fuente' keeps hers."""
    text = ("Hoshikawa Shoji construirá el centro. El presidente Takuya Ogasawara de Hoshikawa dijo que invertirá. "
            "Lo confirmó Ana de la Fuente.")
    found = [(m[0], m[1]) for m in names(finder, text)]
    assert ("Hoshikawa Shoji", "ORG") in found and ("Takuya Ogasawara", "PER") in found, found
    assert ("Ana de la Fuente", "PER") in found, found


def test_names_japanese_utilities_by_their_translated_names(finder):
    found = [(m[0], m[2]) for m in names(finder, "Energía Eléctrica de Hokkaido (Hokuden) invertirá 3.000 millones de yenes; TEPCO no opinó.")]
    assert ("Energía Eléctrica de Hokkaido", "Hokkaido Electric Power Company") in found and ("TEPCO", "Tokyo Electric Power Company") in found, found


def test_names_a_name_ending_in_a_camel_case_word_is_a_firm(finder):
    """'Quillay DataParks' is a brand by its inner capital; a known maker's product line ('Dell PowerEdge') stays the maker."""
    found = [(m[0], m[1]) for m in names(finder, "La lectura es otra en Quillay DataParks, que construye en Colina un campus.")]
    assert found == [("Quillay DataParks", "ORG")], found
    found = [(m[0], m[1]) for m in names(finder, "Los servidores Dell PowerEdge XE9680 usan InfiniBand.")]
    assert found == [("Dell", "ORG")], found


@pytest.mark.parametrize("person", ["Park Seong-ho", "Qiu Mingzhe", "Jae-won Park"])
def test_names_east_asian_names_in_either_order(finder, person):
    """Chinese and Korean names open with the family name ('Park Seong-ho'); a Western-order one keeps working."""
    text = f"El proyecto creará 5.000 empleos, dijo {person}, en una conferencia."
    assert (person, "PER") in [(m[0], m[1]) for m in names(finder, text)], names(finder, text)


def test_names_the_model_reads_no_names_in_a_line_opening_in_capitals(finder):
    """A sub-heading in capitals ("LA DISTRIBUIDORA DEFIENDE EL ORDEN") and a
    dateline ("SANTA CATARINA, NL.-") are no organisations, whatever the model
    tags there; after a transcript's speaker label, a name in capitals is one."""
    heading = "La CNMC abrió el caso.\nLA DISTRIBUIDORA DEFIENDE EL ORDEN DE LLEGADA\nLa firma lo niega."
    dateline = "SANTA CATARINA, NL.- A doña Herlinda se le echó a perder la carne."
    label = "FERRÉS: UTE nos garantizó una conexión en 150 kilovoltios."
    for text, word in ((heading, "DEFIENDE"), (dateline, "CATARINA"), (dateline, "NL.- A")):
        start = text.index(word)
        assert word not in [m[0] for m in names(finder, text, [(start, start + len(word), "ORG")])], text
    start = label.index("UTE")
    assert ("UTE", "ORG") in [(m[0], m[1]) for m in names(finder, label, [(start, start + 3, "ORG")])]


def test_names_a_grid_company_keeps_its_trade_word(finder):
    """'Iberebro Distribución', 'Ande Transmisión': the trade word ends the firm's name."""
    text = "El regulador abrió un expediente a Iberebro Distribución para analizar cómo repartió su red."
    assert ("Iberebro Distribución", "ORG") in [(m[0], m[1]) for m in names(finder, text)]


def test_names_a_colombian_utility_s_legal_form_and_an_amount_after_a_company_noun(finder):
    """'Generadora Coello S.A.S. E.S.P.' (a public-services company) is 'Generadora Coello';
    'la operadora sumaron USD 148,6 millones' names no firm 'USD 148'."""
    found = [(m[0], m[1], m[2]) for m in names(finder, "La firma tolimense Generadora Coello S.A.S. E.S.P. opera la central desde 2019.")]
    assert ("Generadora Coello S.A.S. E.S.P.", "ORG", "Generadora Coello") in found, found
    found = [m[0] for m in names(finder, "Los ingresos de la operadora sumaron USD 148,6 millones en el trimestre.")]
    assert not any(word.startswith("USD") for word in found), found


def test_names_catalan_maghrebi_and_colombian_people(finder):
    """'Pol Vilaseca i Roura' joins his surnames with the Catalan 'i' and is 'Vilaseca' later;
    'Hamza Lazrak' and 'Jairo Tafur Buenaventura' start with given names of their countries."""
    text = "Según su director, Pol Vilaseca i Roura, el campus tendrá 17.600 GPU. Vilaseca calcula 135 empleos."
    found = [(m[0], m[1], m[2]) for m in names(finder, text)]
    assert ("Pol Vilaseca i Roura", "PER", "Pol Vilaseca i Roura") in found and ("Vilaseca", "PER", "Pol Vilaseca i Roura") in found, found
    for person in ("Hamza Lazrak", "Jairo Tafur Buenaventura"):
        found = [(m[0], m[1]) for m in names(finder, f"El campus tendrá 120.000 GPU, estima {person}, analista.")]
        assert (person, "PER") in found, found


def test_names_a_post_s_portfolio_is_no_part_of_the_institution_its_acronym_names(finder):
    """'La gerente de Recursos Hídricos del Instituto Costarricense de Acueductos y Alcantarillados (AyA)':
    the institute is the organisation, the unit before it her portfolio."""
    text = "La gerente de Recursos Hídricos del Instituto Costarricense de Acueductos y Alcantarillados (AyA), Lorena Madrigal, habló."
    found = [(m[0], m[1], m[2]) for m in names(finder, text)]
    full = "Instituto Costarricense de Acueductos y Alcantarillados"
    assert (full, "ORG", full) in found and ("AyA", "ORG", full) in found, found


def test_names_catalan_bodies_elide_their_joining_words(finder):
    """'Departament d'Empresa i Treball', 'Agència de l'Habitatge de Catalunya': Catalan joins with d', l' and i."""
    for body in ("Departament d'Empresa i Treball", "Agència de l'Habitatge de Catalunya"):
        found = [(m[0], m[1]) for m in names(finder, f"El {body} ha aprobado 3 millones de euros para la comarca.")]
        assert (body, "ORG") in found, found


@pytest.mark.parametrize("firm", ["Solsticio Centros de Datos", "Ozama Data Park", "Mediterrània Data Parks"])
def test_names_a_firm_named_for_its_trade_in_spanish_or_english(finder, firm):
    """'Centros de Datos' ends a firm's name as 'Data Centers' does; so does 'Data Park(s)'."""
    found = [(m[0], m[1]) for m in names(finder, f"Mientras tanto, {firm} obtuvo 95 MW de la distribuidora.")]
    assert (firm, "ORG") in found, found


def test_names_a_person_with_two_given_names_is_later_called_by_her_first_surname(finder):
    """'Arbeláez' of 'Luisa Fernanda Arbeláez Quintero'."""
    text = "Así lo afirmó Luisa Fernanda Arbeláez Quintero, presidenta de Asoinfra. Según Arbeláez, 62% de la demanda vendrá de la IA."
    assert ("Arbeláez", "PER", "Luisa Fernanda Arbeláez Quintero") in [(m[0], m[1], m[2]) for m in names(finder, text)]


def test_names_a_chinese_name_is_later_called_by_its_family_name(finder):
    """'Lin Wen-hsiung' is 'Lin' in the next sentence (a Western name keeps its last word)."""
    text = "El presidente de YSMC, Lin Wen-hsiung, habló ante analistas. Lin dijo que las ventas subieron 31%."
    found = [(m[0], m[1], m[2]) for m in names(finder, text)]
    assert ("Lin", "PER", "Lin Wen-hsiung") in found, found


def test_names_a_numbered_system_after_its_noun_and_description(finder):
    """'El clúster de potencia aritmética inteligente Tianmu-1': a machine named after its description;
    'el sistema de refrigeración líquida de Asetek' names its maker, no machine."""
    found = [(m[0], m[1]) for m in names(finder, "El clúster de potencia aritmética inteligente Tianmu-1 tiene 3.500 PFlops.")]
    assert ("Tianmu-1", "HARDWARE") in found, found
    found = [(m[0], m[1]) for m in names(finder, "El sistema de refrigeración líquida Asetek enfría 40 racks.")]
    assert not any(label == "HARDWARE" for _, label in found), found


def test_names_a_town_named_for_a_saint_is_no_person(finder):
    """'San Pedro de Macorís': 'Pedro de Macorís' after 'San' is the town's name, no person's."""
    found = [(m[0], m[1]) for m in names(finder, "La empresa construirá en el Parque Industrial Zona Franca San Pedro de Macorís.")]
    assert not any(label == "PER" for _, label in found), found


@pytest.mark.parametrize("person", ["Arístides Peguero Lantigua", "Bernardita Oyarzún Vial", "Ender Palmar Urdaneta",
                                    "Rommel Quishpe Landázuri", "Nelly Chango Guamán", "Wendell Ashcombe"])
def test_names_older_and_regional_given_names(finder, person):
    found = [(m[0], m[1]) for m in names(finder, f"Así lo afirmó {person} durante la visita.")]
    assert (person, "PER") in found, found


def test_names_an_officer_s_english_acronym_is_no_organisation(finder):
    """'El CFO detalló...': a post, not a firm."""
    found = [m[0] for m in names(finder, "El CFO detalló que la compañía colocará bonos. La CEO explicó el plan.")]
    assert "CFO" not in found and "CEO" not in found, found


def test_names_two_capitalised_words_written_twice_as_an_actor_are_a_firm(finder):
    """'Orbe Andino' named twice in mid-sentence, once acting: a firm nothing else knows.
    A town written only after 'en' or 'de' is no firm."""
    text = ("La acción de Orbe Andino subió un 3,4%. La gerenta dijo que Orbe Andino firmó un contrato por 40 MW. "
            "El campus estará cerca de Casa Grande, al norte de Casa Grande.")
    found = [(m[0], m[1]) for m in names(finder, text)]
    assert found.count(("Orbe Andino", "ORG")) == 2, found
    assert not any(n == "Casa Grande" for n, _ in found), found


@pytest.mark.parametrize("body", ["Ayuntamiento de San José Iturbide", "Alcaldía de Jesús Enrique Lossada"])
def test_names_a_town_named_for_a_saint_or_a_person_stays_in_its_council_s_name(finder, body):
    """A person's name after 'de' ends an institution ('El Colegio de Sonora Lucía Moreno'),
    but not a town named for a saint or a person."""
    found = [(m[0], m[1]) for m in names(finder, f"Según el informe, el {body} aprobó el cambio por nueve votos.")]
    assert (body, "ORG") in found, found


@pytest.mark.parametrize("place", ["Hokkaido", "Ulsan", "Zhejiang", "Dammam"])
def test_names_regions_and_cities_of_asian_build_outs_are_places(finder, place):
    """Prefectures, provinces and cities where AI campuses are built abroad are no organisations."""
    found = [m[0] for m in names(finder, f"La empresa construirá su campus en la ciudad de Ishikari, {place}, con energía eólica. {place} tiene viento.")]
    assert place not in found, found


def test_names_an_acronym_glossed_with_su_sigla_and_a_law_title_s_words(finder):
    """'(PSC, su sigla en inglés)' defines the acronym like 'por sus siglas'; the capitalised words of a
    law's title ('... y la Infraestructura Digital') name no firm."""
    found = [(m[0], m[2]) for m in names(finder, "Pidió a la Comisión de Servicio Público de Georgia (PSC, su sigla en inglés) un aumento. La PSC abrió audiencias.")]
    assert ("PSC", "Georgia Public Service Commission") in found, found
    found = [m[0] for m in names(finder, "El Pleno aprobó el Proyecto de Ley Orgánica de Fomento a los Centros de Datos y la Infraestructura Digital.")]
    assert "Infraestructura Digital" not in found, found


def test_names_a_tariff_s_acronym_and_a_photo_credit_s_courtesy_name_no_firm(finder):
    """'la Tarifa de Alta Demanda Digital (TADD)' is a tariff; 'Foto: Cortesía Tisquesusa Digital' credits the firm
    without making 'Cortesía' part of its name."""
    found = [m[0] for m in names(finder, "La ASEP creó la Tarifa de Alta Demanda Digital (TADD), que cobrará por la potencia.")]
    assert not any("Tarifa" in n or n in ("TADD", "Alta Demanda Digital") for n in found), found
    found = [m[0] for m in names(finder, "La firma Tisquesusa Digital abrió su campus. Foto: Cortesía Tisquesusa Digital")]
    assert "Cortesía Tisquesusa Digital" not in found and "Tisquesusa Digital" in found, found


def test_names_a_firms_short_name_before_a_system_noun_stays_the_firm(finder):
    # The firm is named in full, then by its first word in apposition to a noun
    # that would otherwise introduce a machine.
    text = (
        "La empresa Quilmaná Data Centers firmó un acuerdo con la provincia.\n"
        "Según la Quilmaná, el sistema de refrigeración usará agua de reúso."
    )
    found = names(finder, text)
    assert ("Quilmaná", "ORG", "Quilmaná Data Centers", None) in found, found
    assert not [name for name in found if name[1] == "HARDWARE"], found


def test_names_a_person_whose_given_name_the_list_lacks_is_later_called_by_the_first_surname(finder):
    """'Dopico' of 'Yoandri Dopico Nápoles': a first word the given-name list
    lacks does not make the second word a given name; a particle is no surname."""
    text = "Así lo precisó Yoandri Dopico Nápoles, director general de la empresa. Dopico añadió que el parque tendrá 800 kWp."
    start = text.index("Yoandri")
    found = [(m[0], m[1], m[2]) for m in names(finder, text, ents=[(start, start + len("Yoandri Dopico Nápoles"), "PER")])]
    assert ("Dopico", "PER", "Yoandri Dopico Nápoles") in found, found
    text = "Así lo precisó Yoandri de Armas, director general de la empresa. De acuerdo con de Armas, la obra terminará en julio."
    start = text.index("Yoandri")
    assert not [m for m in names(finder, text, ents=[(start, start + len("Yoandri de Armas"), "PER")]) if m[0] == "de"]


def test_names_a_price_after_por_ends_a_name(finder):
    """'por USD 31,7 millones' after a firm's name is what it paid, not more of its name."""
    for amount in ("USD 31,7 millones", "US$ 31 millones", "R$ 40 millones"):
        found = [m[0] for m in names(finder, f"El envío fue declarado por la firma quiteña Kinti Cómputo por {amount}.")]
        assert "Kinti Cómputo" in found, found
