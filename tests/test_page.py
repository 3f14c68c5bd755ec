"""The page profile: what of a scraped page is furniture, which lines are
headings, where datelines are, and which country the outlet is in
(corpus/README.md, "What is article text")."""

from __future__ import annotations

import pytest

from pipeline.page import read_page
from pipeline.page.country import infer_country
from pipeline.page.datelines import find_datelines
from pipeline.page.furniture import read_layout

PAGE = "\n".join(
    [
        "Inicio > Economía > Tecnología",
        "Nubes del norte: una operadora invertirá 900 mdd en Monterrey",
        "El campus tendrá 120 MW y abrirá en 2027",
        "Por Ana Ruiz | Corresponsal",
        "jueves, 23 de octubre de 2025 · 06:00 hrs",
        "Lectura de 4 min",
        "1.2k compartidos | 31 comentarios",
        "1280 720",
        "Obras del campus en Apodaca, Nuevo León. (Foto: Cuartoscuro)",
        "MONTERREY, 23 oct (EFE).- La operadora Norte Datos invertirá 900 millones de dólares en un campus de 120 MW en el área metropolitana de Monterrey, informó la empresa.",
        "Lee también: Querétaro suma 3 nuevos centros de datos con 400 MW",
        "Agua y energía",
        "La Comisión Federal de Electricidad garantizará 80 MW desde la subestación de Apodaca, según el gobierno de Nuevo León, que prevé 1,500 empleos en la obra.",
        "Temas: Centros de datos · Nuevo León · CFE",
        "Más leídas",
        "1. Pemex reporta pérdida de 62,000 mdp",
        "2. El peso cierra en 18.32 por dólar",
        "Este sitio utiliza cookies para mejorar tu experiencia. Aceptar",
        "© 2025 Todos los derechos reservados",
    ]
)


def _line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def test_page_furniture_is_found_by_kind():
    layout = read_layout(PAGE)
    kinds = {_line(PAGE, start)[:20]: kind for start, end, kind in layout.furniture if end - start > 10}
    assert kinds["Inicio > Economía > "] == "breadcrumb"
    assert kinds["Por Ana Ruiz | Corre"] == "byline"
    assert kinds["jueves, 23 de octubr"] == "timestamp"
    assert kinds["Lectura de 4 min"] == "reading_time"
    assert kinds["1.2k compartidos | 3"] == "share"
    assert kinds["Lee también: Queréta"] == "related"
    assert kinds["Temas: Centros de da"] == "tags"
    assert kinds["1. Pemex reporta pér"] == "list"
    assert kinds["2. El peso cierra en"] == "list"
    assert kinds["Este sitio utiliza c"] == "cookies"
    assert kinds["© 2025 Todos los der"] == "copyright"
    assert any(PAGE[s:e] == "1280 720" for s, e, _ in layout.furniture)


def test_page_photo_credit_is_furniture_inside_a_caption_line():
    layout = read_layout(PAGE)
    credits = [PAGE[s:e] for s, e, kind in layout.furniture if kind == "photo_credit"]
    assert credits == ["(Foto: Cuartoscuro)"]
    caption = PAGE.index("Obras del campus")
    assert not any(s <= caption < e for s, e in layout.headings), "a caption is body text"


def test_page_wire_signoffs_bylines_and_agency_credits_are_furniture():
    page = (
        "La nube llega a Cali\n\nPor: Colprensa\n\nLa empresa invertirá 30 millones de dólares en su nuevo centro de datos de Yumbo, "
        "que tendrá 12 MW y abrirá en 2027, dijo su gerente general en Cali. EFE\nvp/mv/ja\n"
        "Obras en la planta. REUTERS/Tom Weller/Foto de archivo\n"
        "Archivo - Interior de un centro de datos - EUROPA PRESS - Archivo\n"
        "La planta, que ocupará cuatro hectáreas junto a la autopista, abrirá en 2027 y dará trabajo a unas 120 personas de la región.\n(EFE) jmr/ac\nNuestros Estándares: Los Principios de Confianza de Thomson Reuters.\n"
    )
    furniture = [page[s:e].strip() for s, e, _ in read_layout(page).furniture]
    for part in ("Por: Colprensa", "EFE", "vp/mv/ja", "REUTERS/Tom Weller/Foto de archivo", "- EUROPA PRESS - Archivo", "(EFE) jmr/ac"):
        assert any(part in f for f in furniture), (part, furniture)
    assert any(f.startswith("Nuestros Estándares") for f in furniture), furniture


@pytest.mark.parametrize(
    "line",
    [
        "Le puede interesar: EPM anuncia subasta de energía por 800.000 millones",
        "Artículos Relacionados: Taipower Advierte Reserva de Energía Baja en el Verano",
        "Lectura relacionada: Micron invertirá $9.6 mil millones en Hiroshima",
        "Síganos en Google News",
        "Noticia relacionada: La ZALIA adjudica 12 parcelas a dos operadores logísticos",
        "Recibe cada mañana el boletín de Economía en tu correo",
        "Suscríbete a nuestro boletín y recibe las noticias del Valle cada mañana.",
        "En este artículo: Apagones / Comunicaciones / Unión Eléctrica / Informatización",
    ],
)
def test_page_related_links_and_follow_lines_are_furniture(line):
    page = (
        "La nube llega a Cali\n\nLa empresa invertirá 30 millones de dólares en su nuevo centro de datos de Yumbo, "
        "que tendrá 12 MW y abrirá en 2027, dijo su gerente general en Cali.\n" + line + "\n"
        "La planta, que ocupará cuatro hectáreas junto a la autopista, dará trabajo a unas 120 personas de la región.\n"
    )
    start = page.index(line)
    assert any(s <= start < e for s, e, _ in read_layout(page).furniture), line


@pytest.mark.parametrize(
    "line",
    [
        "La resolución se publicó este miércoles en el Boletín Oficial del Estado (BOE) y las empresas tienen diez días para aceptarla.",
        "El embalse estaba el lunes al 46 % de su capacidad, según el último boletín hidrológico de la confederación.",
        "La dependencia informó en un boletín que la obra costará 85 millones de pesos y durará dos años.",
        "En este artículo analizamos por qué la planta costará 85 millones de pesos y durará dos años.",
    ],
)
def test_page_a_boletin_the_article_reports_on_is_body_text(line):
    """Only a line offering the reader a newsletter is furniture: an official gazette or a press bulletin is news;
    'En este artículo' is a tag list only before a colon."""
    page = "La nube llega a Cali\n\nLa empresa invertirá 30 millones de dólares en su centro de datos de Yumbo, dijo su gerente.\n" + line + "\n"
    start = page.index(line)
    assert not any(s <= start < e for s, e, _ in read_layout(page).furniture), read_layout(page).furniture


def test_page_a_photographers_name_in_capitals_closing_a_caption_is_furniture():
    page = "Terrenos donde se levantará el primer campus. OLIVER DUCH\nEl cuerpo sigue aquí con una frase larga que termina con un punto."
    credits = [page[s:e].strip() for s, e, kind in read_layout(page).furniture if kind == "photo_credit"]
    assert credits == ["OLIVER DUCH"], credits


def test_page_image_credit_in_brackets_is_furniture():
    page = "Racks del clúster, enfriados con líquido directo al chip. (Crédito de imagen: CoreWeave)\nEl cuerpo sigue aquí con una frase larga que termina con un punto."
    credits = [page[s:e] for s, e, kind in read_layout(page).furniture if kind == "photo_credit"]
    assert credits == ["(Crédito de imagen: CoreWeave)"], credits


def test_page_headings_are_headline_standfirst_and_subheadings():
    layout = read_layout(PAGE)
    headings = [PAGE[s:e] for s, e in layout.headings]
    assert headings == [
        "Nubes del norte: una operadora invertirá 900 mdd en Monterrey",
        "El campus tendrá 120 MW y abrirá en 2027",
        "Agua y energía",
    ]


@pytest.mark.parametrize(
    "line, body",
    [
        ("Fuentes: la cifra es de 2 millones de litros diarios", False),  # a heading: no stop
        ("El proyecto ya opera. Tiene 300 MW y crecerá en 2026", True),  # a sentence ends inside
        ("- 300 MW de potencia instalada", True),  # a list item
        ("nuestro primer cúmulo estará en línea el próximo año", True),  # lower case: a pasted post
    ],
)
def test_page_what_is_a_heading(line, body):
    text = "Titular\n" + line + "\nEl cuerpo del artículo es un párrafo largo que termina con un punto, como todos los párrafos."
    layout = read_layout(text)
    start = text.index(line)
    assert any(s == start for s, _ in layout.headings) != body


def test_page_a_short_text_has_no_top_furniture():
    """A note of one line that is only a date is not a time stamp of a page."""
    assert read_layout("2 de septiembre de 2024").furniture == ()


@pytest.mark.parametrize(
    "line, place",
    [
        ("BOGOTÁ, 18 feb (EFE).- Las solicitudes crecen.", "BOGOTÁ"),
        ("Lima, 21 oct (Andina).- La empresa invertirá.", "Lima"),
        ("SAN FRANCISCO (AP) — Nvidia reportó ingresos.", "SAN FRANCISCO"),
        ("QUERÉTARO, Qro.— La desarrolladora invertirá.", "QUERÉTARO"),
        ("SANTIAGO DE COMPOSTELA, 21 Oct. (EUROPA PRESS) -", "SANTIAGO DE COMPOSTELA"),
        ("TEGUCIGALPA. La empresa firmó ayer un convenio.", "TEGUCIGALPA"),  # a known place in capitals and a period
        ("ALCOLEJA. El campus que la firma quiere levantar ya tiene red.", "ALCOLEJA"),  # a village no table holds
        ("Ciudad de México, 3 de marzo de 2026 /PRNewswire/ -- La empresa anunció hoy.", "Ciudad de México"),  # a release wire
    ],
)
def test_page_datelines(line, place):
    found = find_datelines("Titular\n" + line)
    assert [p for _, _, p in found] == [place]


def test_page_no_dateline_in_an_ordinary_sentence():
    assert find_datelines("Titular\nMicrosoft, la tecnológica de Redmond, invertirá 80.000 millones.") == []
    # a kicker in capitals and a place not in capitals are no datelines
    assert find_datelines("Titular\nEXCLUSIVA. La empresa firmó.\nMadrid. La empresa firmó.") == []
    assert find_datelines("Titular\nURGENTE. La empresa firmó.\nM. J. R. La empresa firmó.") == []  # initials, not a town


@pytest.mark.parametrize(
    "text, country",
    [
        (PAGE, "MX"),
        ("VIEDMA, 7 feb (NA).- El consorcio pide U$S 3.500 millones para Río Negro y Neuquén.", "AR"),
        ("Lima, 21 oct (Andina).- La empresa invertirá S/ 1.100 millones en Lurín.", "PE"),
        ("La Junta de Andalucía y el Ayuntamiento de Sevilla aprobaron el campus de Dos Hermanas, junto a Málaga.", "ES"),
        # a country's own currency forms and its towns, where no dateline says it
        ("La empresa invertirá $us 48 millones, unos Bs 334 millones, en su granja de Warnes.", "BO"),
        ("Los campus de Ejea de los Caballeros, Tauste y Alagón piden 300 MW a la red.", "ES"),
        ("Meta y Amazonas invierten en Texas.", None),  # a company and a mistranslation are no places
        ("NVIDIA vende chips a todo el mundo.", None),
        # a firm named after a town elsewhere ("Altamira Cómputo") is no evidence of that town's country
        ("Altamira Cómputo invertirá en Medellín. Altamira Cómputo firmó con EPM en el Valle de Aburrá, en Antioquia.", "CO"),
        # a city named twice is enough; a given name before a surname is no town
        ("Por Florencia Bustingorry\nEl puerto de Bahía Blanca recibirá el centro de datos. Florencia Ruiz, vecina, duda. En Bahía Blanca hay dudas.", "AR"),
    ],
)
def test_page_country_from_the_text(text, country):
    assert infer_country(text).country == country


def test_page_country_given_wins_and_pieces_see_their_window():
    page = read_page(PAGE, "co")
    assert page.country == "CO" and page.country_source == "given"
    start = PAGE.index("MONTERREY")
    piece = page.window(start, len(PAGE) - start)
    assert piece.datelines[0][0] == 0
    assert all(0 <= s < e <= len(PAGE) - start for s, e, _ in piece.furniture)


@pytest.mark.model
def test_page_furniture_gives_no_spans_and_headings_no_claims(extractor):
    record = extractor.extract(PAGE, "pagina")
    furniture = read_layout(PAGE).furniture
    for span in record.spans:
        assert not any(s <= span.start < e for s, e, _ in furniture), span.text
    claimed = {PAGE[c.anchor.start : c.anchor.end] for c in record.claims}
    assert claimed >= {"900 millones de dólares", "120 MW", "80 MW", "1,500"}
    assert all(c.anchor.start > PAGE.index("MONTERREY") for c in record.claims), "the headline's numbers anchor no claim"
    assert record.meta.country == "MX" and record.meta.number_style == "es-MX"
    dated = [c.date for c in record.claims]
    assert "--10-23" not in dated, "a dateline's date dates no claim"


@pytest.mark.parametrize(
    "text, country, source_holds",
    [
        ("La empresa invertirá 500 mdp en la planta.", "MX", "MX:currency"),  # a country's own currency forms
        ("La firma invertirá U$S 300 millones en el parque.", None, "AR 1, UY 1"),  # shared by two countries
        ("Meta y Amazonas invierten en Florida y Victoria.", None, "no evidence"),  # place names that are firms or everywhere
    ],
)
def test_page_country_from_currencies_and_what_is_no_evidence(text, country, source_holds):
    page = read_page(text)
    assert page.country == country and source_holds in page.country_source


@pytest.mark.parametrize(
    "line, kind",
    [
        ("(Reporte de Laura Whitcomb en San Francisco; Edición de Sriraj Kalluvila)", "credit"),
        ("Reportaje de Priya Nandakumar en Bengaluru y Tom Hale en Nueva York; Edición de Sonia Cheema", "credit"),
        # an initial with its stop is still a byline
        ("Por Catalina Reyes M. con agencias", "byline"),
        # a Spanish business daily's byline: the writer, a stop and the city
        ("Ainhoa Bustinza. Madrid", "byline"),
    ],
)
def test_page_wire_credits_and_bylines_with_initials(line, kind):
    text = f"Titular del artículo\n{line}\nLa comisión aprobó el campus de la firma que invertirá 300 millones de dólares en la comuna este año.\n"
    layout = read_layout(text)
    start = text.index(line)
    assert (start, start + len(line), kind) in layout.furniture


def test_page_a_caption_credit_after_an_outlet_slash_name():
    text = "Titular\nLos terrenos donde se levantará el campus, en una imagen tomada en febrero. DIARIO DEL CORREDOR / Javier Soto\nCuerpo del artículo con más de quince palabras para que sea un párrafo de verdad aquí.\n"
    layout = read_layout(text)
    assert any(text[s:e].strip() == "DIARIO DEL CORREDOR / Javier Soto" for s, e, kind in layout.furniture if kind == "photo_credit")


def test_page_a_caption_credit_in_brackets_with_a_slash():
    text = ("Titular\nLa antigua planta, que será convertida en centro de cómputo. (Archivo / El Centinela)\n"
            "Cuerpo del artículo con más de quince palabras para que sea un párrafo de verdad aquí.\n")
    layout = read_layout(text)
    assert any(text[s:e].strip() == "(Archivo / El Centinela)" for s, e, kind in layout.furniture if kind == "photo_credit")


def test_page_a_live_blogs_entries_are_headings_and_their_paragraphs_body():
    """'19:40 h | Cenace levanta la emergencia' titles an entry, and the paragraph under it
    that mentions 'a las 19:32 horas' is news, however near the top both stand."""
    page = (
        "Crónica del Bajío\nInicio / Local / Guanajuato\nEN VIVO | Emergencia eléctrica en el Bajío\n"
        "Redacción CB | jueves 22 de mayo de 2025 | Actualizado 19:40 h\n"
        "19:40 h | Cenace levanta la emergencia\n"
        "El Centro Nacional de Control de Energía (Cenace) informó que a las 19:32 horas el sistema regresó a estado "
        "operativo de alerta, luego de que el margen de reserva se recuperó a 4.8 %. La emergencia duró más de tres horas.\n"
    )
    layout = read_layout(page)
    kinds = {page[s:e][:12]: kind for s, e, kind in layout.furniture}
    assert kinds.get("Redacción CB") == "byline", kinds
    assert not any(page[s:e].startswith(("19:40 h |", "El Centro")) for s, e, _ in layout.furniture), layout.furniture
    assert any(page[s:e].startswith("19:40 h |") for s, e in layout.headings), layout.headings
