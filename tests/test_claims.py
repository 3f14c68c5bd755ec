"""The claim builder, through the whole pipeline on short Spanish texts."""

import pytest

pytestmark = pytest.mark.model


def claims(extractor, text):
    article = extractor.extract(text, id="t")
    return {article.text[c.anchor.start : c.anchor.end]: c for c in article.claims}


def test_claims_contract_example_count_with_chip(extractor):
    text = "Recientemente, Musk anunció que Colossus, una nueva gama de entrenamiento H100 de 100k, ya está lista para funcionar."
    claim = claims(extractor, text)["100k"]
    assert (claim.value, claim.unit, claim.subject) == (100000, "GPU", "Colossus")
    assert claim.hardware == ["NVIDIA H100"]
    # The surname alone: the contract gives the full name only where the article does.
    assert (claim.modality, claim.source) == ("asserted", "Musk")
    named = claims(extractor, "Elon Musk habló ayer. " + text)["100k"]
    assert named.source == "Elon Musk"


def test_claims_estimate_with_distributed_scale(extractor):
    text = "Colossus es enorme. Los servidores llegaron tarde, y el coste del proyecto se estima entre 3 y 4 mil millones de dólares."
    claim = claims(extractor, text)["entre 3 y 4 mil millones de dólares"]
    assert (claim.low, claim.high, claim.unit) == (3e9, 4e9, "USD")
    assert claim.modality == "estimated"
    assert claim.source is None


def test_claims_aggregate_and_parts(extractor):
    text = "El sistema Colossus duplicará su capacidad, con planes para integrar 100.000 GPU adicionales: 50.000 H100 y 50.000 NVIDIAChipset H200."
    found = extractor.extract(text, id="t").claims
    assert [c.value for c in found] == [100000, 50000, 50000]
    assert [c.hardware for c in found] == [[], ["NVIDIA H100"], ["NVIDIA H200"]]
    assert {c.modality for c in found} == {"planned"}
    assert {c.unit for c in found} == {"GPU"}


@pytest.mark.parametrize(
    "text, anchor, modality",
    [
        ("Supuestamente, la empresa compró 20.000 GPU.", "20.000", "alleged"),
        ("No está claro si el centro tendrá 300 MW.", "300 MW", "uncertain"),
        ("Se estima que el campus consume 150 MW.", "150 MW", "estimated"),
        ("La compañía construirá 12 centros de datos.", "12", "planned"),
        ("Meta planea comprar 350.000 GPU.", "350.000", "planned"),
        ("El clúster tiene 24.576 GPU.", "24.576", "asserted"),
        # nobody decides a market's growth, but a firm commits to a cap on its own consumption
        ("Google sostiene que refrigerará en circuito cerrado y que el consumo quedará por debajo de 90.000 metros cúbicos anuales.", "por debajo de 90.000 metros cúbicos anuales", "planned"),
        # a figure set against a forecast: today's stands, a past year's is part of the estimate
        (
            "Según estimaciones de Bernstein, el gasto superará los 400.000 millones de dólares este año, frente a 230.000 millones de dólares en 2024.",
            "230.000 millones de dólares", "estimated",
        ),
        ("La compañía planea tener 300 megavatios a finales de 2027, frente a 95 megavatios hoy.", "95 megavatios", "asserted"),
        # a thing a past act made stands, whatever the sentence plans for it
        ("Los chips se instalarán en un sitio de 1.200 acres que la compañía compró en marzo.", "1.200 acres", "asserted"),
        ("Los chips se instalarán en un sitio de 1.200 acres que la compañía comprará en marzo.", "1.200 acres", "planned"),
        # a price or value stated is no estimate; analysts valuing a firm estimate
        ("El acuerdo, valorado en 2.500 millones de dólares, se firmó ayer.", "2.500 millones de dólares", "asserted"),
        # an unnamed source met before, or one "familiar with the matter", is hearsay
        ("La misma fuente indicó que el cable costaría cerca de 95 millones de dólares.", "cerca de 95 millones de dólares", "alleged"),
        ("Lleva una tasa de alrededor de 11 %, dijo una de las personas.", "alrededor de 11 %", "alleged"),
        ("Una persona familiarizada con el asunto dijo que el contrato vale 30.000 millones de dólares.", "30.000 millones de dólares", "alleged"),
        # what a company negotiates or seeks is not settled yet; what it asks to be done is planned,
        # but the quantity it applied for is a fact about the application
        ("La firma pidió a UTE un contrato a 15 años.", "15 años", "asserted"),
        ("La diputada Natalia Cordero pidió fijar un tope de 2 litros por segundo.", "2 litros por segundo", "planned"),
        ("La Asociación Mexicana de Data Centers pide que la CFE reserve 2,000 MW de capacidad.", "2,000 MW", "planned"),
        # the press's idioms of hearsay: a columnist's "nos cuentan que", a source speaking "a condición de anonimato"
        ("Nos cuentan que la cuenta de la cena superó los 180 mil pesos.", "superó los 180 mil pesos", "alleged"),
        ("Un ingeniero de Corpoelec, que habló a condición de anonimato, dijo que la subestación opera por encima del 90 %.",
         "por encima del 90 %", "alleged"),
        # a stage scheduled ("programada") is a plan, as one "prevista" is
        ("La primera fase, de 300 megavatios, está programada para entrar en línea en 2026.", "300 megavatios", "planned"),
        ("Istmo Data Hub negocia con AES Panamá un contrato de suministro de hasta 100 MW.", "hasta 100 MW", "planned"),
        # a commitment to spend is a plan; a purchase commitment already owed is not
        ("Altaris mantiene su compromiso de invertir 4.500 millones de euros.", "4.500 millones de euros", "planned"),
        ("La compañía anotó un cargo de 5.500 millones de dólares, ligado a compromisos de compra.", "5.500 millones de dólares", "asserted"),
        # a purpose builds what does not exist yet; feeding what exists is no plan
        ("La empresa firmó una carta de intención para instalar cuatro reactores de 80 MW cada uno.", "80 MW", "planned"),
        ("La empresa firmó un contrato con Vistra para alimentar sus 100.000 GPU.", "100.000", "asserted"),
        # a plural conditional is an estimate however the model reads it; an imperfect is not
        ("Su portavoz sostiene que los campus necesitarían más de 300.000 litros al día.", "más de 300.000 litros al día", "estimated"),
        ("El clúster anterior corría en 9.000 chips alquilados.", "9.000", "asserted"),
        # a past act committing to what is not done yet; a signed contract's terms are facts
        ("Entel Perú anunció en marzo la ampliación de su centro de datos por US$ 18 millones.", "US$ 18 millones", "planned"),
        ("La minera firmó un contrato por 15 años con Colbún.", "15 años", "asserted"),
        # a hoped-for outcome is an estimate; a hoped-for spend is a plan
        ("El gerente afirmó que el grupo espera generar unos 350 empleos directos.", "unos 350", "estimated"),
        ("Meta ahora espera gastar entre 70.000 y 72.000 millones de dólares en 2026.", "entre 70.000 y 72.000 millones de dólares", "planned"),
        ("«Esperamos atender a unos 400 grupos de investigación en el primer año», dijo el director.", "unos 400", "estimated"),
        # a requirement fixed for what is still to happen is planned
        ("El ministro respondió que el acuerdo fija que al menos el 70 % de la mano de obra sea local.", "al menos el 70 %", "planned"),
        # the figure a forecast is set against is a fact
        ("ERCOT proyecta que la demanda pico llegará a 145 GW en 2031, frente a unos 86 GW registrados en 2025.", "unos 86 GW", "asserted"),
        # what analysts value a deal at is their estimate
        ("El acuerdo, valorado por analistas en alrededor de 20.000 millones de dólares, llega ahora.", "alrededor de 20.000 millones de dólares", "estimated"),
        ("Meta comprará aceleradores, un pedido que analistas de Bernstein valoran entre 25.000 y 30.000 millones de dólares.",
         "entre 25.000 y 30.000 millones de dólares", "estimated"),
        # an unnamed source of one's own side is hearsay too
        ("Según una fuente de la entidad, la tarifa pactada sería de 0,14 dólares por kilovatio hora.", "0,14 dólares por kilovatio hora", "alleged"),
        # a paper that reached the outlet and that nobody owns up to is hearsay; its owner's memo is not
        ("Un borrador del memorando al que tuvo acceso este medio establece que Hengtai invertiría US$480 millones.", "US$480 millones", "alleged"),
        ("Un documento filtrado establece que Hengtai invertiría US$480 millones.", "US$480 millones", "alleged"),
        ("La planta usa 40 litros de agua filtrada por segundo.", "40 litros", "asserted"),
        ("Según la memoria técnica de Microsoft, a la que ha tenido acceso este diario, la primera fase tendrá 96 MW.", "96 MW", "planned"),
        # a capacity "para procesar" what a plant will make, a contract "para retirar" energy to come: plans
        ("La planta tendrá capacidad para procesar unas 20.000 obleas por mes.", "unas 20.000", "planned"),
        ("La minera firmó un contrato por 15 años para retirar 650 GWh al año desde 2029.", "650 GWh al año", "planned"),
        # "ir a" plans what follows it, not a figure said before it, unless it governs that figure
        ("«Teníamos 300 trabajadores cuando llegó el primer pedido y vamos a cerrar el año con más», dijo.", "300", "asserted"),
        ("«Esas torres de 150 pies van a quedar junto a una escuela», dijo la vecina.", "150 pies", "planned"),
        # a change to come starts from today's figure
        ("La potencia contratada pasará de 40 a 120 MW en 2027.", "40", "asserted"),
        ("La potencia contratada pasará de 40 a 120 MW en 2027.", "120 MW", "planned"),
        ("La exención reduciría su tarifa de renta del 35 % al 20 %.", "35 %", "asserted"),
        ("La empresa nace con una inversión de 2.000 millones de euros hasta 2030.", "2.000 millones de euros", "planned"),
        # a coordinated clause without its own verb shares the verb before it
        ("El sistema tendrá 1.152 GPU, repartidas en 16 armarios, y un almacenamiento de 20 petabytes.", "20 petabytes", "planned"),
        ("El resto lo pondrán el ministerio, con 30 millones, y la Generalitat, con 18 millones.", "18 millones", "planned"),
        ("El campus consume hoy 38 MW, y en 2028 llegará a 120 MW.", "38 MW", "asserted"),
        # a plan cited for what it decides is planned; what it would bring about is estimated
        ("Según la solicitud, la primera fase, de 300 MW, entraría en operación a finales de 2027 y generaría unos 1,500 empleos.", "300 MW", "planned"),
        ("Según la solicitud, la primera fase, de 300 MW, entraría en operación a finales de 2027 y generaría unos 1,500 empleos.", "unos 1,500", "estimated"),
        # what was expected or forecast is an estimate, whatever verb governs it
        ("AMD reportó ingresos de 9.250 millones de dólares, batiendo las estimaciones de 8.740 millones.", "8.740 millones", "estimated"),
        ("La ganancia por acción fue de 2,07 dólares, frente a los 1,98 dólares esperados.", "1,98 dólares", "estimated"),
        ("AMD reportó ingresos de 9.250 millones de dólares, batiendo las estimaciones de 8.740 millones.", "9.250 millones de dólares", "asserted"),
        # a binding text provides for what it names; a firm forecasts it
        ("El contrato prevé la entrega de hasta 14 millones de pies cúbicos diarios de gas.", "hasta 14 millones de pies cúbicos diarios", "planned"),
        ("La compañía prevé ingresos de 300 millones de dólares.", "300 millones de dólares", "estimated"),
        # what a firm forecasts of its own spending or works it plans
        ("La firma prevé una inversión de 180 millones de dólares en dos etapas.", "180 millones de dólares", "planned"),
        ("La firma prevé una inversión de 180 millones de dólares en dos etapas.", "dos", "planned"),
        ("El consorcio proyecta una primera etapa de 100 MW para 2028.", "100 MW", "planned"),
        ("La compañía proyecta un consumo de 2.400 GWh al año cuando las tres etapas estén completas.", "2.400 GWh al año", "estimated"),
        # a past act nearer the number than the request above it is a fact
        ("Para la ampliación de Alcobendas, la firma solicitó 180 MW y recibió 60 MW, un tercio de lo previsto.", "60 MW", "asserted"),
        # a state body's unnamed people, a source speaking on condition of anonymity, the industry's talk: hearsay
        ("De acuerdo con fuentes del ente, UTE ofreció un contrato a 12 años a unos 68 dólares por megavatio hora.", "12 años", "alleged"),
        ("Un técnico, que habló a condición de anonimato, aseguró que la disponibilidad cayó al 97,2 %.", "97,2 %", "alleged"),
        ("Según persona relacionada, dos empresas de Tokio ya negociaron para reservar cerca de 60% de la capacidad.", "cerca de 60%", "alleged"),
        ("Un ejecutivo de una generadora, que prefirió reservar su nombre, estimó que la cartera quedaría por debajo de 900 MW.",
         "por debajo de 900 MW", "alleged"),
        # revenue a body hopes to collect is a projection
        ("La Municipalidad de Villa Nueva espera ingresar 6,8 millones de dólares al año por licencias.", "6,8 millones de dólares al año", "estimated"),
        # a promoter's proposal is its plan
        ("La promotora plantea un campus de 450 MW sobre 120 hectáreas.", "450 MW", "planned"),
        # the outlet's own unnamed sources, a department's unnamed people: hearsay, however doubtful
        ("Según nuestras informaciones, el cliente alquilaría el 60 % de la capacidad.", "60 %", "alleged"),
        ("Fuentes del departamento apuntan a que la firma podría recibir otros 15 millones de euros.", "15 millones de euros", "alleged"),
        # a participle after a copula is the predicate its cue belongs to
        ("El importe de la inversión está estimado en 3.200 millones de euros.", "3.200 millones de euros", "estimated"),
        # "data centers" is one noun, not the verb "data": the conditional after it still estimates
        ("Heredia dijo que las obras de transmisión asociadas a los nuevos data centers en la Región Metropolitana costarían "
         "US$ 1.450 millones en los próximos diez años.", "US$ 1.450 millones", "estimated"),
        ("Según las mismas fuentes, el programa ha comprometido unos 1.940 millones de euros.", "unos 1.940 millones de euros", "alleged"),
        ("El documento plantea que los consumos libres paguen un cargo de $13,9 por kWh desde 2027.", "$13,9 por kWh", "planned"),
        # a goal set by whoever speaks
        ("«Nuestra meta es que el 35% de la plantilla salga del barrio», dijo.", "35%", "planned"),
    ],
)
def test_claims_modality_from_cues(extractor, text, anchor, modality):
    assert claims(extractor, text)[anchor].modality == modality


@pytest.mark.parametrize(
    "text, anchor, modality",
    [
        # Modality belongs to the verbs governing the number, clause by clause.
        ("El campus ya consume 38 MW y podría alcanzar 120 MW en 2028.", "38 MW", "asserted"),
        ("El campus ya consume 38 MW y podría alcanzar 120 MW en 2028.", "120 MW", "uncertain"),
        ("La ONG sostiene que el campus podría consumir 500.000 litros, una cifra que AWS rebaja a 100.000 litros.", "100.000 litros", "asserted"),
        ("Microsoft estima que los campus sumarán 345 empleos directos.", "345", "estimated"),
        ("La compañía prevé ingresos de 100.000 millones de dólares.", "100.000 millones de dólares", "estimated"),
        ("Meta prevé gastar 70.000 millones de dólares.", "70.000 millones de dólares", "planned"),
        ("OSE confirmó que la conexión prevista admite hasta 1.500 m³ diarios.", "hasta 1.500 m³ diarios", "asserted"),
        ("La Coordinadora sostiene que el recinto usaría 48 litros por segundo.", "48 litros por segundo", "estimated"),
        ("xAI anunció que acabaría el año con 200.000 GPU.", "200.000", "planned"),
        ("Según estimaciones de TechInsights, AMD tuvo el 7 % del mercado, frente a casi el 90 % de NVIDIA.", "casi el 90 %", "estimated"),
        ("OpenAI prometió crear al menos 100.000 empleos.", "al menos 100.000", "planned"),
        # what a project, tender or agreement provides for is planned; so was what a firm had planned
        ("El proyecto contempla seis edificios y una inversión de 9.500 millones de dólares.", "9.500 millones de dólares", "planned"),
        ("La compañía planeaba pasar a 3.000 GPU en el primer semestre.", "3.000", "planned"),
        # a source that asks not to be named is hearsay
        ("Un funcionario del Cenace que pidió el anonimato reconoció que la interconexión se quedará en 45 MW.", "45 MW", "alleged"),
        ("Fuentes del consorcio indicaron que la primera etapa tendrá unas 40.000 GPU.", "unas 40.000", "alleged"),
        # a change to come starts from today's figure (corpus/README.md); an estimate of the whole statement reaches it
        ("La superficie de la planta pasará de 140.000 a 280.000 metros cuadrados.", "140.000", "asserted"),
        ("Según estimaciones del instituto, la capacidad pasaría de 62 MW a 240 MW en 2030.", "62 MW", "estimated"),
        ("Según sus cálculos, el mercado facturó unos 240 millones de dólares en 2025.", "unos 240 millones de dólares", "estimated"),
    ],
)
def test_claims_modality_per_clause(extractor, text, anchor, modality):
    assert claims(extractor, text)[anchor].modality == modality


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        ("Según Reuters, Microsoft gastará 80.000 millones de dólares.", "80.000 millones de dólares", "Reuters"),
        ("Jensen Huang afirmó que NVIDIA vendió 3 millones de GPU.", "3 millones", "Jensen Huang"),
        ("Microsoft gastará 80.000 millones de dólares, dijo Satya Nadella.", "80.000 millones de dólares", "Satya Nadella"),
        ("Microsoft gastará 80.000 millones de dólares este año.", "80.000 millones de dólares", None),
        ("Según rumores, xAI compró 300.000 GPU.", "300.000", None),
        # A speaker noun speaks for the name inside its phrase; a company does not speak for its owner.
        ("Los analistas de TrendForce estiman que el mercado crecerá un 30 % en 2025.", "30 %", "TrendForce"),
        ("La portavoz de Greenpeace afirmó que el centro consumirá 2 millones de litros al año.", "2 millones de litros al año", "Greenpeace"),
        ("La compañía de Mark Zuckerberg prevé invertir 10.000 millones de dólares.", "10.000 millones de dólares", None),
        ("La seccional Río Negro de la Unión Obrera (UO) estimó que la obra ocupará a unos 2.500 trabajadores.", "unos 2.500", "Unión Obrera"),
        # a source that asks not to be named is nobody's word
        ("Rodrigo Elizondo firmó el convenio. Un funcionario del Cenace que pidió el anonimato reconoció que la interconexión se quedará en 45 MW.", "45 MW", None),
        # "el gremio" is the association named before; "el sindicato X" names a union
        ("La Asociación Colombiana de Data Centers agrupa a 30 firmas. El gremio estima que la demanda crecerá un 40 %.", "40 %", "Asociación Colombiana de Data Centers"),
        ("El sindicato Sintraelecol estima que hubo más de 140 cortes.", "más de 140", "Sintraelecol"),
        # verbs whose stem changes ("recordar": "recuerda") speak too
        ("Red Eléctrica, por su parte, recuerda que la red vasca dispone hoy de unos 1.100 MW de capacidad.", "unos 1.100 MW", "Red Eléctrica"),
        # "el operador" is the operator named last; "la compañía" the company in view
        (
            "Microsoft construirá tres campus en Aragón. Según Red Eléctrica, las solicitudes suman 4 GW. "
            "Hoy los centros suponen el 2 % de la demanda, pero el operador estima que llegarán al 12 % en 2030.",
            "12 %", "Red Eléctrica",
        ),
        # "un acuerdo con Anthropic" names Anthropic, but the company in view is who "la compañía" is
        (
            "NVIDIA presentó sus resultados trimestrales ayer. Las acciones subieron un poco. Su directora financiera dijo que los clientes firmaron proyectos, "
            "entre ellos un acuerdo con Anthropic. Para el cuarto trimestre, la compañía prevé ingresos de 100.000 millones de dólares.",
            "100.000 millones de dólares", "NVIDIA",
        ),
        # the analysts' firm speaks about the maker; "el fabricante" is the maker
        (
            "Micron confirmó un acuerdo de suministro de memoria HBM3E con CoreWeave. Los analistas de Bernstein estiman el contrato "
            "en 800 millones de dólares. El fabricante de chips de Boise reportó ingresos de 11.300 millones de dólares.",
            "11.300 millones de dólares", "Micron",
        ),
    ],
)
def test_claims_source_from_attribution(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # A "según" closing the sentence covers all of it; one inside a later clause only that clause.
        ("Los racks combinan 72 GPU y cada rack entregaría 3 exaflops, según AMD.", "72", "AMD"),
        ("El CS-3 entrega 125 petaflops y, según Cerebras, sirve 2.100 tokens por segundo.", "125 petaflops", None),
        ("El CS-3 entrega 125 petaflops y, según Cerebras, sirve 2.100 tokens por segundo.", "2.100 tokens por segundo", "Cerebras"),
        # A coordinated new statement is not the earlier speaker's; a concession continues it.
        ("Los centros suponen el 2 % de la demanda, pero Red Eléctrica estima que llegarán al 12 % en 2030.", "2 %", None),
        ("Red Eléctrica precisó que no habrá subsidios, aunque el proyecto podría recibir 45 millones de euros.", "45 millones de euros", "Red Eléctrica"),
        # A "según" of an earlier clause does not cover a later clause with a speaker of its own.
        ("Texas suma unos 4.8 GW, según la consultora CBRE, y ERCOT proyecta que la demanda llegará a 145 GW en 2031.", "145 GW", "Electric Reliability Council of Texas"),
        # "según la firma" is the company named before, as "según la compañía" is
        ("Microsoft abrirá una región en Chile. Según la firma, la primera etapa tendrá 48 MW.", "48 MW", "Microsoft"),
        # a surname that is also a chip's name ends a person's name
        ("Ramón Olguín Vera dijo que la empresa invertirá 30 millones de dólares.", "30 millones de dólares", "Ramón Olguín Vera"),
        # a currency's abbreviation ("Bs.") ends no sentence: the verb closing it still covers the first figure
        # a company speaking "from" itself after the figures, and a stem-changing verb of saying
        ("Lo dijo la distribuidora EDES. Ampliar la estación costaría US$ 18 millones, advirtieron desde la compañía eléctrica.",
         "US$ 18 millones", "EDES"),
        # "su" with no one named in its own sentence is the person the sentence before quoted
        ("«No vamos a permitirlo», dijo la senadora Beatriz Alanís. Según su oficina, más de 4.5 millones de clientes se quedaron sin luz.",
         "más de 4.5 millones", "Beatriz Alanís"),
        # "el tribunal", "la Sala" are the court named before; a bank's price target and what it estimates with it are the bank's
        ("La Audiencia Nacional anuló parte de la ayuda. El tribunal concluye que 36,5 millones de euros no eran subvencionables.",
         "36,5 millones de euros", "Audiencia Nacional"),
        ("Fibra Tepeyac Digital compró un campus. Banorte elevó su precio objetivo para el CBFI de Tepeyac de 41.00 a 46.50 pesos, "
         "al estimar que la compra sumará entre 3 y 4% al AFFO de 2027.", "entre 3 y 4%", "Banorte"),
        ("Fibra Tepeyac Digital compró un campus. Banorte elevó su precio objetivo para el CBFI de Tepeyac de 41.00 a 46.50 pesos.",
         "46.50 pesos", "Banorte"),
        # "la petrolera" is the oil company, even named in one word, not an oil institute
        ("Ecopetrol levantará el centro junto a la refinería, con apoyo del Instituto Colombiano del Petróleo. "
         "Ya en funcionamiento, el centro requeriría entre 70 y 90 empleados de planta, según la petrolera.", "entre 70 y 90", "Ecopetrol"),
        ("Ecopetrol opera la refinería de Barrancabermeja. La firma Andes Digital instalará allí sus servidores. "
         "Según la petrolera, el centro tendrá 18 MW.", "18 MW", "Ecopetrol"),
        # "la cuprífera" is the copper miner, "la telecom" the telecoms firm
        ("Minera Cerro Aguja compra su energía a Eléctrica Antuco. La firma Nevado Datos levantará un campus en Til Til. "
         "La cuprífera informó que el precio pasaría a cerca de US$ 88 por megawatt-hora.", "cerca de US$ 88 por megawatt-hora", "Minera Cerro Aguja"),
        ("Maitén Comunicaciones cotiza en Santiago. La firma Nevado Datos levantará un campus en Til Til. "
         "La telecom informó que venderá su filial de nube en US$ 385 millones.", "US$ 385 millones", "Maitén Comunicaciones"),
        # a guild whose estimates the sentence before cited is "el gremio"
        ("Según estimaciones de la Cámara Petrolera de Venezuela, se queman 400 millones de pies cúbicos diarios. "
         "El gremio calcula que solo 35% de ese volumen sale de pozos cercanos.", "35%", "Cámara Petrolera de Venezuela"),
        ("La obra rondaría los 95 millones de dólares, unos Bs. 16.000 millones, estimó su presidente, Orlando Fuenmayor Chacín.",
         "rondaría los 95 millones de dólares", "Orlando Fuenmayor Chacín"),
        # a phrase of place or time between a verb of saying and its "que"; not an object and its relative
        ("Air-e aseguró en un comunicado que dispone de 22 MW libres.", "22 MW", "Air-e"),
        ("La CREG publicó en septiembre un borrador que obligaría a los usuarios de más de 10 MW a pagar.", "más de 10 MW", None),
        # "el centro" is a body whose name it heads, first in Spanish, last in English
        (
            "El Barcelona Supercomputing Center estrenó su partición con fondos de la Empresa Común EuroHPC. "
            "Según el centro, la partición alcanza 1,8 exaflops.",
            "1,8 exaflops", "Barcelona Supercomputing Center",
        ),
        # an official who spoke on condition of anonymity is hearsay; a party disputing an amount speaks for itself
        ("Un funcionario, quien habló en condición de anonimato, dijo que los permisos cubren 35.000 chips.", "35.000", None),
        (
            "Según corredores que pidieron reserva de su nombre, Scala Data Centers habría pagado US$ 40 millones por los terrenos, "
            "un monto que la compañía rebaja a US$ 26 millones.",
            "US$ 26 millones", "Scala Data Centers",
        ),
        # whoever holds the post a possessive names speaks, not the body
        (
            "La Asociación Comunitaria de Acajutla se opone. Hay colonias que reciben agua dos veces por semana, dijo su coordinadora, Marta Lidia Chicas.",
            "dos", "Marta Lidia Chicas",
        ),
        # a paper filed with a body is its filer's word, not the body's
        (
            "La empresa Bahía Nube construirá su campus en Mamonal. Según el cronograma radicado en la Alcaldía de Cartagena, la primera etapa tendrá 24 MW.",
            "24 MW", "Bahía Nube",
        ),
        # "de acuerdo a", as much of Latin America writes it, is "de acuerdo con"
        ("La planta empleará 450 personas, de acuerdo a la Secretaría de Economía.", "450", "Secretariat of Economy"),
        # "según la agencia" is the wire agency named before
        ("Reuters informó que la empresa analiza un campus. La tecnológica instalaría ahí unos 200.000 chips, según la agencia.", "unos 200.000", "Reuters"),
        # A verb closing the sentence speaks for it, even one that otherwise needs "que".
        ("La obra costaría 60 millones de dólares, aseguró la ministra Javiera Muñoz.", "60 millones de dólares", "Javiera Muñoz"),
        ("La demanda podría superar 1,5 GW en 2030, lo que equivaldría al 11 % del total, calculó Red Eléctrica.", "11 %", "Red Eléctrica"),
        # A plan is its subject's act; a forecast is its speaker's word.
        ("Meta prevé gastar 70.000 millones de dólares en 2025.", "70.000 millones de dólares", None),
        ("Meta prevé que las obras duren 30 meses.", "30 meses", "Meta"),
        ("Google asegura haber desplegado 50.000 chips.", "50.000", "Google"),
        ("La CFE ha asegurado 150 MW para el campus.", "150 MW", None),
        # Denied or unconfirmed, and anonymous unless an outlet cites them.
        ("Vultr habría encargado 25.000 MI355X, aunque la compañía no lo ha confirmado.", "25.000", None),
        ("Según fuentes del sector citadas por el diario Handelsblatt, el sistema costó 500 millones de euros.", "500 millones de euros", "Handelsblatt"),
        # an outlet that reports "citando" unnamed people is the source; their own word alone is no one's
        ("Bloomberg News informó el martes, citando personas familiarizadas, que AMD negocia suministrar chips por más de $5 mil millones.",
         "más de $5 mil millones", "Bloomberg"),
        ("Personas familiarizadas dijeron que AMD negocia suministrar chips por más de $5 mil millones.", "más de $5 mil millones", None),
        # the outlet's own columnist, named after the post
        ("El columnista de este diario Ramón Tejeda Báez estima que el hub movería entre RD$9,000 y RD$12,000 millones anuales.",
         "entre RD$9,000 y RD$12,000 millones anuales", "Ramón Tejeda Báez"),
        # an outlet's noun with its country before the outlet's name
        ("El diario argentino Ámbito publicó el jueves que Cúmulo habría cerrado un contrato de U$S 40 millones.", "U$S 40 millones",
         "Ámbito Financiero"),
        # ... but not the outlet that files the piece, nor a name further on
        (
            "MADRID, 3 mar (EUROPA PRESS) - Iberdrola suministraría la energía a 62 euros por megavatio hora, "
            "según fuentes del consorcio consultadas por Europa Press.",
            "62 euros por megavatio hora", None,
        ),
        ("Fuentes del sector consultadas por este diario indicaron que Ozama habría firmado un contrato por 60 MW.", "60 MW", None),
        # a reference noun that heads a name named earlier, however far back
        (
            "La Universidad del Norte firmó el contrato con Caribe Cómputo. El operador instalará los equipos en marzo. "
            "La red de la zona está saturada. Air-e promete reforzarla. Según la universidad, el entrenamiento pasará a 6 días.",
            "6 días", "Universidad del Norte",
        ),
        # a title after "según" with the person named in apposition; a chamber or an assembly referred to
        (
            "El Ente Provincial de Energía del Neuquén deberá tender una línea. Según su presidente, Raúl Pereyra Lagos, "
            "estaría terminada en 18 meses.",
            "18 meses", "Raúl Pereyra Lagos",
        ),
        (
            "La Cámara Nacional de la Industria Electrónica celebró el anuncio. Según la cámara, el sector reúne a 31 empresas.",
            "31", "Cámara Nacional de la Industria Electrónica",
        ),
        # a figure in an aside about the speaker is no part of what is said, unless the aside speaks itself
        ("La eléctrica Engie Energía Perú, que opera unos 2.500 MW en el país, indicó que respaldará el contrato.", "unos 2.500 MW", None),
        (
            "«Es la mayor inversión del condado», afirmó Jonathan Reyes, jefe de obra de Potomac Ridge, quien estimó que la obra "
            "dará trabajo a 2,800 personas.",
            "2,800", "Jonathan Reyes",
        ),
        # an unnamed source: nobody's word, unless a party disputes the figure in a clause of its own
        ("Según una fuente de la entidad, la tarifa pactada sería de 0,14 dólares por kilovatio hora.", "0,14 dólares por kilovatio hora", None),
        (
            "Una fuente del ministerio aseguró que la oferta habría sido 11.000 millones más barata, una diferencia que el consorcio "
            "Cómputo Soberano cifra en apenas 2.400 millones.",
            "2.400 millones", "Cómputo Soberano",
        ),
        # ... in another of Spain's languages too; "no obstante" negates nothing
        (
            "El centro se levantará en el parque científico que gestiona la Universitat de València. "
            "La universidad calcula, no obstante, que el consumo medio será de unos 4,5 MW.",
            "unos 4,5 MW", "University of Valencia",
        ),
        # "la compañía" in a sentence is its subject, not a name inside a phrase
        (
            "La empresa uruguaya Cúmulo Cómputo S.A. cerró una ronda por U$S 85 millones liderada por el fondo Kaszek, informó la compañía.",
            "U$S 85 millones", "Cúmulo Cómputo",
        ),
        # unions and brokers the press quotes are in the catalogue, unions by their English title
        ("CCOO recordó que el expediente de regulación de empleo afectó a 3.421 trabajadores.", "3.421", "Workers' Commissions"),
        # "Para X," gives X's view; "según sus cálculos" is the one just named.
        ("Para Jorge Ríos, socio de Intelecta Consultores, el mercado facturó 240 millones de dólares.", "240 millones de dólares", "Jorge Ríos"),
        # A noun stands for the name it holds, not the parent named in its apposition.
        ("AWS abrió su centro en Quilicura. La compañía, filial de Amazon, declaró un consumo de 6,8 litros por segundo.", "6,8 litros por segundo", "AWS"),
        ("El Segundo Tribunal Ambiental anuló el permiso. Según la sentencia, el servicio deberá pronunciarse en 90 días.", "90 días", "Segundo Tribunal Ambiental"),
        # A quotation closed by a bare verb is the person named before it, never a name after it.
        ("Gonzalo Pérez habló con la prensa. «Pasamos de 7,6 millones a 100.000 litros», dijo. Google no respondió.", "100.000 litros", "Gonzalo Pérez"),
        # a bare verb of saying set off by commas goes on with the person just named
        ("El investigador Héctor Lozoya Baca advirtió que el acuífero está sobreexplotado. En algunas zonas, agregó, el nivel del Bolsón del Hueco "
         "baja hasta 1.5 metros por año.", "hasta 1.5 metros por año", "Héctor Lozoya Baca"),
        ("El investigador Héctor Lozoya sostiene que esa cuenta ignora el verano. Con torres evaporativas el campus consumiría 3 millones de metros cúbicos al año, calculó.",
         "3 millones de metros cúbicos al año", "Héctor Lozoya"),
        # questioning and accusing are saying; "la institución" is the body just named
        ("La concejala Luisa Ospina cuestionó que EPM comprometa 120 MW con un solo cliente.", "120 MW", "Luisa Ospina"),
        ("La Universidad de Sonora abrirá una especialidad con cupo para 60 alumnos, informó la institución.", "60", "University of Sonora"),
        # the papers a company presented are its word
        ("Sotol Digital levantará un campus en San Jerónimo. Según el proyecto ejecutivo que Sotol Digital presentó en el ayuntamiento, "
         "la carga total del campus llegará a 160 MW en 2029.", "160 MW", "Sotol Digital"),
        ("Gradiente Energía calcula una potencia de 2,6 GW en 2030. Spain DC, la patronal del sector, eleva esa potencia a entre 3 y 3,5 GW.",
         "entre 3 y 3,5 GW", "Spain DC"),
        ("El sondeo de analistas de Bloomberg apuntaba a ingresos de 1,36 billones de pesos.", "1,36 billones de pesos", "Bloomberg"),
        # who sets a figure against another's says it, whoever the sentence quoted first
        ("El consumo neto será de 1,2 millones de galones por día, dijo TSMC, una cifra que la Coalición de Agua Limpia del Desierto pone en 2,5 millones.",
         "2,5 millones", "Coalición de Agua Limpia del Desierto"),
        ("Según la empresa, usará 150.000 galones anuales, una cifra que la Coalición Agua para el Oeste del Valle eleva a 12 millones de galones.",
         "12 millones de galones", "Coalición Agua para el Oeste del Valle"),
        # "habla de" gives a figure as someone's word; "expuso" is a verb of saying
        ("El alcalde calcula 900 empleos en la obra. La empresa Tayacaja Datos habla de 310 empleos directos.", "310", "Tayacaja Datos"),
        ("La gerenta de Planificación del Coordinador Eléctrico Nacional, Rayén Quilaqueo, expuso que en 2025 se vertieron 5.900 GWh en el norte.",
         "5.900 GWh", "Rayén Quilaqueo"),
        # a petition a firm filed is its word
        ("Cedar Hollow Compute presentó ayer al Negociado de Energía una petición para conectar un centro de datos. "
         "Según la petición, el complejo ocuparía 95 cuerdas.", "95 cuerdas", "Cedar Hollow Compute"),
        # a body that counts reports the count
        ("La Asociación de Centros de Datos de Aragón contabiliza 74 proyectos en tramitación.", "74", "Asociación de Centros de Datos de Aragón"),
        # one who speaks on condition of not being named is no one's word, though the article names the employer
        ("Un ingeniero de Corpoelec, que habló a condición de no ser citado, dijo que la subestación tiene una capacidad de 30 MVA.", "30 MVA", None),
        # a pronominal verb of saying after the quote: "se quejó"
        ("“Ofrecimos 250 MW en Abasto y perdimos; el sistema premió el precio”, se quejó su directora, Valeria Ruzzo.", "250 MW", "Valeria Ruzzo"),
        # the perfect's auxiliary before it: "ha señalado"
        ("La consejera Valeria Ruzzo visitó la planta. \"Tenemos demanda para 700 MW antes de 2030, y no podemos perderla\", ha señalado.", "700 MW", "Valeria Ruzzo"),
        # the parser reads ", detalló." as a second verb coordinated with "disipa": still a bare aside
        ("El ingeniero Abdiel Aizpurúa nos guió por la sala. "
         "Cada rack de esos equipos disipa hasta 120 kilovatios, seis veces lo que soporta uno convencional, detalló.", "hasta 120 kilovatios",
         "Abdiel Aizpurúa"),
        # "según su propio cálculo" after a sentence where a body spoke up is that body's
        ("La empresa Quillay Datos sostiene que el campus consumirá 2,5 litros por segundo. "
         "La cifra es rebatida por la Fundación Agua Viva Lampa, una ONG de la comuna. "
         "Según su propio cálculo, el campus podría requerir hasta 14 litros por segundo en verano.", "hasta 14 litros por segundo",
         "Fundación Agua Viva Lampa"),
        # a paper closing the sentence speaks for whoever filed it
        ("La empresa Nodo Maya Data Center presentó ante la Semarnat la Manifestación de Impacto Ambiental (MIA) de un centro de datos. "
         "La primera etapa tendrá 12 MW de carga de TI y la capacidad total llegaría a 60 MW, detalla la MIA.", "60 MW", "Nodo Maya Data Center"),
        # "plantea" and "cuestiona" with an object put forward or question a thing; nobody is quoted
        ("La promotora Bureba Digital presentó su proyecto. Plantea un campus de 450 MW sobre 120 hectáreas de secano.", "450 MW", None),
        ("El Instituto Centroamericano de Estudios de Energía (ICEE) cuestiona dos supuestos del plan.", "dos", None),
        # but closing a quote they do quote
        ("«Son 350 puestos permanentes para una inversión enorme», planteó la diputada Ayelén Curiqueo.", "350", "Ayelén Curiqueo"),
        ("La diputada Ayelén Curiqueo planteó que el campus dará apenas 350 puestos.", "350", "Ayelén Curiqueo"),
        # answering and boasting ("presumir", in Mexico) quote what follows "que"
        ("Tomás Lagos contestó que la junta propondrá un dividendo de $215 por acción.", "$215 por acción", "Tomás Lagos"),
        ("El director Tomás Lagos presumió que la empresa invertirá 2 mil 450 millones de pesos.", "2 mil 450 millones de pesos", "Tomás Lagos"),
        # a "según" opening a relative clause vouches for that clause, not for the figures before it; one closing the sentence does
        ("El Centro de Supercomputación de Galicia estrenó su módulo. "
         "El módulo ocupa unos 2.300 m2 y consume 18 megavatios, una demanda que, según el centro, se cubre al 100 % con renovables.",
         "18 megavatios", None),
        ("El módulo ocupa unos 2.300 m2 y consume 18 megavatios, una demanda que se cubre al 100 % con renovables, según el Centro de Supercomputación de Galicia.",
         "18 megavatios", "Centro de Supercomputación de Galicia"),
        # the kind of firm stands for the firm: a fund manager, a generator, a grid manager
        ("Arlanza Ventures compró el edificio en 2023. La gestora comunicó que la ocupación bajó de 93% a 78%.", "78%", "Arlanza Ventures"),
        ("La diputada Javiera Antileo pidió cuentas al Gobierno. Según la parlamentaria, el Estado gastó cerca de $9.400 millones en nube.",
         "cerca de $9.400 millones", "Javiera Antileo"),
        # a quotation that opens the sentence after an attributed one goes on in the same voice
        ("\"Los inversores empiezan a preguntar\", dijo Rebecca Thorn, analista de Harbor Street Securities. "
         "\"Cada hiperescalador gasta ahora más de un tercio de sus ingresos en capex.\"", "más de un tercio", "Rebecca Thorn"),
        # a quotation of two sentences is given to the person the verb after it names
        ("“Ese centro se toma 5 millones de galones de agua al día. Eso es más de lo que usa la ciudad”, afirmó la senadora Yolanda Pike Escárcega.",
         "5 millones de galones de agua al día", "Yolanda Pike Escárcega"),
        # "la misma consultora", "el mismo informe": the one just named
        ("La consultora Ostrand Partners estima que el sector da empleo a 7.300 personas. "
         "Los PPA a diez años se cerraron a 36 euros por megavatio hora, según la misma consultora.", "36 euros por megavatio hora", "Ostrand Partners"),
        # "cifra", read by the small model as a noun with a subject, is still a verb of saying
        ("La Asociación de Empresas de Cómputo y Datos Ibéricas (Aecdi) agrupa a 60 firmas. La Aecdi cifra en 9.100 millones de euros "
         "la inversión anunciada.", "9.100 millones de euros", "Asociación de Empresas de Cómputo y Datos Ibéricas"),
        # papers "presentados por" someone are theirs; a presentation led by a post's holder is that person's
        ("La empresa Cardón Data Centers amplía su campus. El plan suma dos naves de 12.000 metros cuadrados, según documentos "
         "presentados por la compañía ante el condado.", "12.000 metros cuadrados", "Cardón Data Centers"),
        ("El clúster tendrá 2,4 exaflops para IA, según la presentación que encabezó el subsecretario de Innovación, Ulises Tamayo Ferrer.",
         "2,4 exaflops", "Ulises Tamayo Ferrer"),
        # "contar con" has, it does not tell
        ("El centro Ch'aska opera con 48 kW y cuenta con un sistema de alimentación ininterrumpida de 80 kVA.", "80", None),
        # other verbs of saying the press uses: foretelling, asserting, denying, repeating
        ("“La demanda crecerá 30 % en 2027”, vaticinó el analista Tomás Lagos.", "30 %", "Tomás Lagos"),
        ("El director Tomás Lagos aseveró que la planta emplea a 400 personas.", "400", "Tomás Lagos"),
        ("Tomás Lagos repitió que la inversión será de 95 millones de dólares.", "95 millones de dólares", "Tomás Lagos"),
        # a plan, a bid or a tender's terms speak for whoever drew them up
        ("La empresa Tisquesusa Digital inauguró su centro. Aloja 480 racks; con la obra completa serán 1.920 racks, según el plano que exhibió la empresa.",
         "1.920", "Tisquesusa Digital"),
        # an opening "Según X," reaches a later clause unless that clause has a speaker of its own; a subjunctive says nothing
        ("La senadora Inés Vidal Robles pidió explicaciones. Según la senadora, solo 12 de las 40 entidades migraron, y el presupuesto "
         "de la agencia, de $280.000 millones, debería congelarse hasta que se aclaren los hechos.", "$280.000 millones", "Inés Vidal Robles"),
        # a request for one's own act says its own figures, not those of a clause hung on what is asked for
        ("La firma Paraná Nube pidió ingresar al régimen de incentivos, que exige una inversión mínima de US$ 200 millones.",
         "US$ 200 millones", None),
        ("La compañía Bahía Cómputo pidió ser declarada zona franca, lo que reduciría su tarifa de renta del 35 % al 20 %.", "35 %", None),
        ("La distribuidora Energía del Golfo pidió bajar el termostato a 68 grados durante la helada.", "68 grados", "Energía del Golfo"),
        # one more thing the verb reports, after ", y", is reported too; a new subject after it is not
        ("En 2025, Tejido Austral reportó ingresos de $1.370 millones, arriba 210 % año tras año, y una pérdida neta de $640 millones.",
         "$640 millones", "Tejido Austral"),
        ("La consultora Delphos Research calcula que la capacidad se triplicará antes de 2030, y la Comisión Europea examina este año "
         "siete ayudas nacionales.", "siete", None),
    ],
)
def test_claims_source_reach_on_real_press(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_an_interviews_answers_are_the_interviewees_word(extractor):
    """In questions and answers, the answers' figures are said by the person the page introduces;
    an explainer's question headings, answered in the outlet's voice, name no speaker."""
    interview = (
        "La CEO de Aguaribay Cloud habla de precios y energía.\n"
        "Mariela Quinteros Funes volvió a Córdoba para alquilar procesadores gráficos.\n"
        "¿Qué tamaño tiene hoy la empresa?\n"
        "Operamos 512 GPU en una sala de 1,2 MW. Tenemos 64 clientes activos.\n"
        "¿Cuánto facturaron?\n"
        "En 2025 vendimos 6,8 millones de dólares.\n"
        "¿Cómo resolvieron la energía?\n"
        "Pagamos alrededor de 92 dólares por megavatio hora.\n"
    )
    found = claims(extractor, interview)
    assert found["6,8 millones de dólares"].source == "Mariela Quinteros Funes"
    assert found["alrededor de 92 dólares por megavatio hora"].source == "Mariela Quinteros Funes"
    explainer = interview.replace("Operamos", "Operan").replace("Tenemos", "Hay").replace("vendimos", "se vendieron").replace("Pagamos", "Se paga")
    assert claims(extractor, explainer)["6,8 millones de dólares"].source is None
    # a photo's caption and a fact box's bullets among the answers are no answer
    page = interview + ("Quinteros Funes, junto a uno de los 36 racks de la sala. Foto: Gentileza Aguaribay Cloud\n"
                        "- 14 centros de datos operan hoy en la provincia\n")
    found = claims(extractor, page)
    assert found["36"].source is None and found["14"].source is None
    assert found["alrededor de 92 dólares por megavatio hora"].source == "Mariela Quinteros Funes"


@pytest.mark.parametrize("question, answer", [("P: ", "R: "), ("—", "—")])
def test_claims_a_marked_interviews_answers_are_the_interviewees_word(extractor, question, answer):
    """Questions marked "P:" or with a dash, and the host's own figures before
    them: the answers are the guest's, a question's cited figure is not, and
    a caption after the answers is no answer."""
    page = (
        "El gerente de Quindío Nube, Ernesto Salazar Ríos, habló con la emisora.\n"
        f"{question}¿En qué va la obra?\n"
        f"{answer}Operamos una sala de 4 MW y tendremos 20 MW en 2027.\n"
        f"{question}La Comisión de Regulación de Energía y Gas calcula que la demanda llegará a 600 MW. ¿Aguanta la red?\n"
        f"{answer}Aguanta. Pagamos unos 640 pesos por kilovatio hora.\n"
        f"{question}¿Cuántos empleados tienen?\n"
        f"{answer}Somos 85 empleados directos.\n"
        "La sala del centro de datos ocupa 2.400 metros cuadrados. Foto: cortesía\n"
    )
    found = claims(extractor, page)
    assert found["4 MW"].source == "Ernesto Salazar Ríos"
    assert found["85"].source == "Ernesto Salazar Ríos"
    assert found["600 MW"].source != "Ernesto Salazar Ríos"
    assert found["2.400 metros cuadrados"].source is None


def test_claims_a_column_answering_readers_gives_each_question_to_its_signer(extractor):
    """A column where an expert answers readers: a headline question is no
    interviewer's, the answers ("RESPUESTA:") are the expert's though written
    impersonally, and a question's own figures are the reader's who signs it."""
    page = (
        "¿Sube la luz por los centros de datos?\n"
        "Cada mes la ingeniera Lucía Menéndez Paredes responde a los lectores.\n"
        "PREGUNTA: En mi barrio somos 60 familias y la luz se corta cada semana. ¿Tiene la culpa el centro de datos nuevo?\n"
        "Jorge Villalba, Valencia\n"
        "RESPUESTA: No solo. El centro pide 12 MW, la décima parte de lo que consume la ciudad.\n"
        "PREGUNTA: ¿Por qué pagamos más? Mi factura pasó de 41 a 58 dólares.\n"
        "Marta Gil Campos, Maracay\n"
        "RESPUESTA: La tarifa subió un 9 % en marzo.\n"
        "PREGUNTA: ¿Cuánta agua gasta un centro así?\n"
        "Rosa Acuña, Mérida\n"
        "RESPUESTA: Uno de 12 MW puede evaporar 200 metros cúbicos al día.\n"
    )
    found = claims(extractor, page)
    assert found["12 MW"].source == "Lucía Menéndez Paredes"
    assert found["9 %"].source == "Lucía Menéndez Paredes"
    assert found["60"].source == "Jorge Villalba"
    assert found["58 dólares"].source == "Marta Gil Campos"


def test_claims_the_outlets_own_estimate_drawn_from_others_data_is_the_outlets(extractor):
    """'según estimaciones de esta revista elaboradas con datos de la consultora X': the magazine's figure, not X's."""
    text = ("Ranking 2026 de la nube. Las firmas del ranking sumaron 890 empleados. El mercado regional facturó unos 1.480 millones de dólares en 2025, "
            "según estimaciones de esta revista elaboradas con datos de las empresas y de la consultora Pirámide Metrics Group.")
    assert claims(extractor, text)["unos 1.480 millones de dólares"].source is None
    named = text.replace("de esta revista elaboradas con datos de las empresas y ", "")
    assert claims(extractor, named)["unos 1.480 millones de dólares"].source == "Pirámide Metrics Group"


def test_claims_a_breakdown_after_a_colon_is_who_breaks_it_down(extractor):
    text = ("Vantora recibió la obra en agosto. Su abogado, Ignacio Elorza Pintado, desglosó la reclamación: "
            "9,8 millones corresponden a penalizaciones por demora y 7,5 millones al alquiler.")
    assert claims(extractor, text)["9,8 millones"].source == "Ignacio Elorza Pintado"


@pytest.mark.parametrize("aim", ["Para financiarlo", "Para ello"])
def test_claims_a_sentence_opening_on_an_aim_gives_no_ones_view(extractor, aim):
    """'Para financiarlo negocia una ronda ... con Nevado Capital', 'Para ello...': "Para" and an infinitive or "ello" is an aim, not 'Para X, ...'."""
    text = (f"Guadua Nube construirá un tercer centro de datos en Armenia. {aim} negocia una ronda de 120.000 millones de pesos "
            "con Nevado Capital y Bancóldex, y su fundador aspira a cerrar 2028 con 90 empleados.")
    found = claims(extractor, text)["120.000 millones de pesos"]
    assert found.source is None and found.subject != "Nevado Capital"


def test_claims_a_vote_already_cast_is_counted_not_planned(extractor):
    text = "El concejo municipal aprobó en febrero la licencia de construcción con 7 votos a favor y 3 en contra."
    found = claims(extractor, text)
    assert found["7"].modality == "asserted" and found["3"].modality == "asserted"
    assert claims(extractor, "El concejo votará la licencia y necesita 7 votos a favor.")["7"].modality == "planned"


def test_claims_a_units_symbol_in_brackets_is_no_organisation(extractor):
    article = extractor.extract("Por Edesur, la gerente explicó que la subestación pasará de 120 a 200 megavoltamperios (MVA) y que la obra tomará unos 20 meses.")
    assert not any(s.label == "ORG" and s.text == "MVA" for s in article.spans)


def test_claims_a_reproduced_public_notice_is_the_issuing_bodys_word(extractor):
    """A gazette notice the outlet reproduces (the body in capitals, then "Anuncio", to "—Fin del documento—")
    is that body's word; the outlet's own paragraphs after it are not."""
    page = (
        "El Ayuntamiento de Valdemora somete a información pública el centro de datos de Órbigo Data Campus.\n"
        "AYUNTAMIENTO DE VALDEMORA\n"
        "Anuncio\n"
        "El proyecto comprende dos edificios con una superficie construida de 58.400 m² y una subestación de 132 kV.\n"
        "—Fin del documento—\n"
        "El proyecto comprende además un depósito de 900 m³.\n"
    )
    found = claims(extractor, page)
    assert found["58.400 m²"].source == "Ayuntamiento de Valdemora"
    assert found["900 m³"].source is None


def test_claims_units_from_counted_noun(extractor):
    found = claims(extractor, "La empresa usaba 14 generadores diésel, 3 centros de datos y 30 % de la red.")
    assert found["14"].unit == "generador diésel"
    assert found["3"].unit == "centro de datos"
    assert found["30 %"].unit == "%"


def test_claims_chip_specification_has_chip_subject(extractor):
    claim = claims(extractor, "Cada MI300X integra 192 GB de memoria HBM3.")["192 GB"]
    assert (claim.subject, claim.hardware, claim.unit) == ("AMD Instinct MI300X", ["AMD Instinct MI300X"], "GB")
    # a memory or power figure of the chip named after it is the chip's too
    assert claims(extractor, "La memoria es clave. Son 80 GB de la H100 de NVIDIA.")["80 GB"].subject == "NVIDIA H100"


def test_claims_dates_qualify_their_sentence(extractor):
    claim = claims(extractor, "El 2 de septiembre de 2024, xAI encendió 100.000 GPU.")["100.000"]
    assert claim.date == "2024-09-02"


def test_claims_headline_numbers_anchor_no_claim(extractor):
    article = extractor.extract("Meta compra 350.000 GPU\nLa empresa confirmó la compra de 350.000 GPU.", id="t")
    assert len([s for s in article.spans if s.label == "CARDINAL"]) == 2
    assert len(article.claims) == 1 and article.claims[0].anchor.start > 24


def test_claims_ids_are_stable_across_runs_and_versions(extractor):
    """Users join files written on different days by claim id: an id depends
    only on the article id and where the claim is, so these never change."""
    text = "Colossus tiene 100.000 GPU y consume 150 MW."
    ids = [c.id for c in extractor.extract(text, id="t").claims]
    assert ids == ["c-47a61a5d10bed1ea", "c-dc14941d10ec0771"]


def test_claims_every_claim_explains_itself(extractor):
    claim = claims(extractor, "Según Reuters, Microsoft planea gastar 80.000 millones de dólares.")["80.000 millones de dólares"]
    assert any(c.startswith("source<-") for c in claim.cues)
    assert any(c.startswith("modality:planned") for c in claim.cues)


def test_claims_orgs_are_those_tied_to_the_number(extractor):
    """Orgs come from the number's clause, without the party something is
    filed before, the outlet that reports it, or the source."""
    text = (
        "El consorcio Patagonia Cómputo, integrado por la generadora Pampa Energía, presentó ante el Gobierno de Río Negro "
        "un proyecto de 3.500 millones de dólares, informó la agencia Noticias Argentinas. "
        "Atlas Hyperscale Partners usará 120.000 metros cúbicos al año, pero la organización Bajío Sustentable estima que serán 790.000."
    )
    found = claims(extractor, text)
    assert found["3.500 millones de dólares"].orgs == ["Patagonia Cómputo", "Pampa Energía"]
    assert found["120.000 metros cúbicos al año"].orgs == ["Atlas Hyperscale Partners"]
    # nor the body a paper is handed to ("entregó a la Gobernación", "ingresó el jueves al Servicio...")
    found = claims(extractor, "La firma Kori Datos entregó el lunes a la Gobernación de Oruro un perfil de proyecto que contempla invertir "
                              "$us 318 millones. Desierto Digital ingresó el jueves al Servicio de Evaluación Ambiental un estudio de un campus de 200 MW.")
    assert found["$us 318 millones"].orgs == ["Kori Datos"]
    assert found["200 MW"].orgs == ["Desierto Digital"]
    # a chip's vendor belongs to figures about that chip only
    found = claims(extractor, "La primera etapa tendrá 300 MW de potencia y albergará unas 100.000 GPU GB300 de Nvidia.")
    assert found["300 MW"].orgs == [] and found["unas 100.000"].orgs == ["NVIDIA"]


def test_claims_say_how_sure_they_are(extractor):
    """Every claim carries a confidence per field and overall (their product),
    looked up by the rule that decided each field."""
    found = claims(extractor, "Según Reuters, Microsoft gastará 80.000 millones de dólares en 2025.")["80.000 millones de dólares"]
    assert set(found.field_confidence) == {"unit", "subject", "hardware", "modality", "source", "orgs", "date"}
    assert all(0 < value < 1 for value in found.field_confidence.values())
    product = 1.0
    for value in found.field_confidence.values():
        product *= value
    assert found.confidence == pytest.approx(product, abs=0.002)


@pytest.mark.parametrize(
    "cues, fields, expected",
    [
        (["subject<-reference:la empresa", "source<-verb:dijo"], {"modality": "asserted", "orgs": [], "date": None},
         {"subject": "reference", "source": "verb", "modality": "asserted:default", "orgs": "0", "date": "undated"}),
        (["modality:estimated<-calcula", "unit:per-year", "source<-none:anonymous:fuentes"], {"modality": "estimated", "orgs": ["A", "B", "C"], "date": "2025"},
         {"modality": "estimated:cue", "unit": "rate", "source": "none", "orgs": "2", "date": "dated", "subject": "none"}),
    ],
)
def test_claims_confidence_keys_name_the_deciding_rule(cues, fields, expected):
    from pipeline.claims.confidence import field_keys

    keys = field_keys("MONEY", cues, fields)
    assert {name: keys[name] for name in expected} == expected


def test_claims_confidence_of_an_unseen_rule_is_one_half():
    from pipeline.claims.confidence import field_confidence

    assert field_confidence({"subject": "a-rule-never-seen"}) == {"subject": 0.5}


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # a legal vehicle named as a known company's subsidiary stands for the parent
        ("La empresa Eleanor Applications S.R.L., filial de Google en Uruguay, invertirá 1.250 millones de dólares.", "1.250 millones de dólares", "Google"),
        ("Nodo Costa SpA, filial chilena de la estadounidense Equinix, presentó un clúster con una inversión de US$ 2.300 millones.", "US$ 2.300 millones", "Equinix"),
        # ... of a fund or group named by its kind ("del fondo estadounidense")
        ("La empresa Cerro Verde Cómputo, S.A. de C.V., filial del fondo estadounidense Harbor Peak Capital, invertirá $800 millones.", "$800 millones", "Harbor Peak Capital"),
        # ... but a list's heading is the name the article gives, whatever the next line says of it
        ("Los proyectos:\n1. Cerro Verde Cómputo\nLa filial mexicana del fondo canadiense Harbor Peak Capital anunció un campus de 300 MW.", "300 MW", "Cerro Verde Cómputo"),
        # a company reporting its own figure is its subject
        ("Nvidia reportó ingresos de 91.200 millones de dólares.", "91.200 millones de dólares", "NVIDIA"),
        # "la firma local X" names X, it does not refer back
        ("EPM amplía su red. Allí, la firma local Antioquia Cloud S.A.S. planea un campus de 60 MW.", "60 MW", "Antioquia Cloud"),
        # the speaker is not the subject of what they say
        ("Nvidia presentó resultados. Jensen Huang añadió que la empresa envió 1,5 millones de GPU.", "1,5 millones", "NVIDIA"),
        # "la máquina" is the computing system named just before, not the body that runs it
        (
            "El Centro Nacional de Cómputo Avanzado (CNCA) puso en marcha Tláloc, la supercomputadora del país. "
            "En la prueba Linpack, la máquina alcanzó 45 petaflops, informó el CNCA.",
            "45 petaflops", "Tláloc",
        ),
        # "el consorcio" is the name the article introduced with that noun, not the last one named
        (
            "Pampa Energía celebra el acuerdo con el consorcio Patagonia Cómputo S.A. para un campus. Pampa Energía aportará la energía. "
            "La constructora Obras del Sur S.A. firmó la obra. El consorcio asegura que usará menos de 50 m³ por día.",
            "menos de 50 m³ por día", "Patagonia Cómputo",
        ),
        # ... but "el mayor cliente de la empresa es G42" does not introduce G42 as "la empresa"
        (
            "Cerebras vende chips. El mayor cliente de la empresa es G42, de Abu Dabi. "
            "Su consejero delegado dijo que la empresa podría facturar 1.000 millones de dólares.",
            "1.000 millones de dólares", "Cerebras",
        ),
        # the machine's performance, not its chips', where a system noun opens the clause
        (
            "La firma Andes Cómputo instalará 2.400 GPU NVIDIA H200 y el clúster tendría unos 80 petaflops.",
            "unos 80 petaflops", "Andes Cómputo",
        ),
        # chips counted are the claim's hardware, not its subject, and their vendor moves no focus
        (
            "La firma cordobesa Serrana Cómputo S.A. pidió entrar al régimen para construir en Malagueño un centro de datos. "
            "Sería el mayor proyecto industrial de Malagueño desde los años 90. La compañía, que preside el ingeniero "
            "Martín Ferreyra, firmó un contrato con Oracle para alojar la primera etapa, donde se instalarán unas 16.000 GPU B200 de Nvidia.",
            "unas 16.000", "Serrana Cómputo",
        ),
        # a figure quoted in the first person plural is the speaker's organisation's
        (
            "“Nuestro diseño recircula el agua y la pérdida real equivale a unos 580 metros cúbicos al día”, "
            "afirmó el gerente de infraestructura de AWS para Chile, Rodrigo Sepúlveda.",
            "unos 580 metros cúbicos al día", "AWS",
        ),
        (
            "“Con estas tarifas pagaríamos un 40 % más que un competidor en Paraguay”, afirmó el gerente general "
            "de la firma Nimbus Datos del Sur, Federico Larrañaga.",
            "40 %", "Nimbus Datos del Sur",
        ),
        # "la firma remitió al MIEM" introduces no MIEM as "la firma"; a
        # sub-heading brings the article's company back into view
        (
            "La firma Nimbus Datos del Sur S.A. presentó al Ministerio de Industria, Energía y Minería (MIEM) un proyecto de 150 MW, según la memoria que la firma remitió al MIEM. Según fuentes, la tecnológica Microsoft habría reservado unos 40 MW, aunque ni Microsoft ni Nimbus lo confirmaron.\n"
            "Tarifa en discusión\n"
            "El punto más delicado es la energía. La firma pidió a la Administración Nacional de Usinas y Trasmisiones Eléctricas (UTE) un contrato a 15 años.",
            "15 años", "Nimbus Datos del Sur",
        ),
        # "el ente", "la minera", "el laboratorio" point back like "la empresa"
        (
            "La Administración Nacional de Usinas y Trasmisiones Eléctricas (UTE) negó la cifra. El ente vendió 11.900 GWh en 2025.",
            "11.900 GWh", "Administración Nacional de Usinas y Trasmisiones Eléctricas",
        ),
        # a partitive clause keeps its sentence's subject; "(Celec EP)" defines "Celec";
        # "prevé adjudicar" is Celec's own plan
        (
            "Según Cordero, la Corporación Eléctrica del Ecuador (Celec EP) incorporará 480 MW antes de diciembre, "
            "de los cuales 250 MW llegarán en barcazas.",
            "250 MW", "Corporación Eléctrica del Ecuador",
        ),
        (
            "La Corporación Eléctrica del Ecuador (Celec EP) incorporará 480 MW. "
            "Para cerrar la brecha, Celec prevé adjudicar contratos por USD 1,100 millones en centrales solares.",
            "USD 1,100 millones", "Corporación Eléctrica del Ecuador",
        ),
        # the article's company, named in the sentence though not its subject, is what a price is about
        (
            "La firma chilena Andesnube Data Centers construirá un campus en Lampa, informó la empresa. Según fuentes cercanas "
            "a la negociación, el precio pactado rondaría los US$ 38 por megawatt hora, una diferencia que para Andesnube supondría un ahorro.",
            "rondaría los US$ 38 por megawatt hora", "Andesnube Data Centers",
        ),
        # chips named after a count are what it counts; their vendor is no actor
        (
            "La operadora Telefónica abrirá un centro de 38 MW en Alcobendas. Allí instalará 4.096 GPU Nvidia B200 y 1.024 aceleradores "
            "AMD Instinct MI325X. Según la compañía, el clúster alcanzará unos 20 exaflops.",
            "4.096", "Telefónica",
        ),
        # a sub-heading brings the article's company back into view for "la compañía"
        (
            "Nimbus Datos del Sur presentó al ministerio un proyecto de 150 MW en San José. Según fuentes, la tecnológica "
            "Microsoft habría reservado unos 40 MW para su nube.\nTarifa en discusión\nEl punto más delicado es la energía. "
            "La compañía pidió un contrato a 15 años.",
            "15 años", "Nimbus Datos del Sur",
        ),
        # the speaker's own company, named only beside the speaker, in a first-person quote
        (
            "Microsoft anunció su campus en Querétaro. “Nuestra planta consumirá 40 MW desde 2027”, dijo el director "
            "de la firma local Andes Datos, Juan Pérez.",
            "40 MW", "Andes Datos",
        ),
        # a later clause with a subject of its own keeps nothing of the first clause's
        (
            "La Corporación Eléctrica del Ecuador (Celec EP) prevé adjudicar contratos por USD 1,100 millones, mientras que "
            "el Banco Central del Ecuador calculó que los apagones costaron USD 1.870 millones a la economía.",
            "USD 1.870 millones", None,
        ),
        # "la estatal" is the state body named last, however far back; never a union or a parliament
        (
            "La Administración Nacional de Electricidad (ANDE) recibió pedidos por 450 MW. El Sindicato de Trabajadores de la ANDE "
            "(Sitrande) duda de las cifras. El Congreso pidió los contratos. La empresa Paraná Compute quiere 210 MW. "
            "Galeano respondió que la estatal exigirá contratar al menos un 30 % de técnicos paraguayos.",
            "al menos un 30 %", "Administración Nacional de Electricidad",
        ),
        # a country's or region's figure is no company's, unless it goes to a company's account
        ("Microsoft levantará un campus en Navalmoral. En España hay en servicio unos 1,6 GW de centros de datos.", "unos 1,6 GW", None),
        ("Yukimori ampliará su fábrica de Iwate. Japón ha asignado más de 5 billones de yenes a sus chips.", "más de 5 billones de yenes", None),
        ("NVIDIA facturó 130.500 millones de dólares. China aportó 17.100 millones de dólares a las ventas de NVIDIA.", "17.100 millones de dólares", "NVIDIA"),
        # "la promotora" is the developer of the project the article is about, not the grid operator last in view
        (
            "El fondo Alborán Infra Partners presentó su campus de Carmona. Red Eléctrica concedió al proyecto un acceso de 450 MW. "
            "Según la promotora, el campus generará 600 empleos directos.",
            "600", "Alborán Infra Partners",
        ),
        # what a body authorises or grants to a firm named after "a" is the firm's figure
        ("El Centro Nacional de Control de Energía autorizó a Nube Bajío Cómputo una interconexión inicial de 45 MW.", "45 MW", "Nube Bajío Cómputo"),
        ("El Ayuntamiento de San Felipe otorgó a Ceiba Roja Datacenters un descuento de 70% en el impuesto predial.", "70%", "Ceiba Roja Datacenters"),
        ("La Compañía Administradora del Mercado Mayorista Eléctrico (Cammesa) le asignó al proyecto de Quebracho Datos prioridad "
         "de despacho por 80 MW.", "80 MW", "Quebracho Datos"),
        # any one of a kind, unnamed, is nobody in particular; a rumoured deal is about the company it concerns
        ("Cayena Data Campus abrirá en 2027. Un comercio mediano paga hoy unos RD$13.50 por kilovatio hora.", "unos RD$13.50 por kilovatio hora", None),
        (
            "Nexora Data Centers ampliará su campus. Una fuente dijo que un proveedor de nube habría reservado el 70 % de la capacidad de Nexora.",
            "70 %", "Nexora Data Centers",
        ),
        # a person of another organisation speaks of their own matter, not of the article's company
        (
            "La firma Altamira Cómputo levantará su campus en Barbosa con 300 empleos. Altamira Cómputo invertirá 200 millones de dólares en la obra.\n"
            "Juan Restrepo, analista de Corficolombiana, sigue el sector. Restrepo estima que el costo de construir una sala es ahora de unos 9 millones de dólares por megavatio.",
            "unos 9 millones de dólares por megavatio", None,
        ),
        (
            "La firma Altamira Cómputo levantará su campus en Barbosa. Altamira Cómputo invertirá 200 millones de dólares. "
            "Juan Restrepo, analista de Corficolombiana, sigue el sector. Restrepo dijo que el precio subirá un 12 % en la región.",
            "12 %", None,
        ),
        # who leaks a figure is not its subject
        ("ANDE recibió pedidos. Según una fuente de la estatal, otras dos firmas habrían solicitado 400 MW.", "400 MW", None),
        # a public body named by its noun, acting on its own figure, is its subject; a portfolio or a project is no body
        (
            "La Secretaría de Economía presentó el plan, con el que la dependencia busca atraer inversiones por 4.500 millones de dólares.",
            "4.500 millones de dólares", "Secretariat of Economy",
        ),
        ("La Comisión Estatal de Aguas licitó dos plantas. El organismo invertirá 300 millones de pesos en la red.", "300 millones de pesos", "Comisión Estatal de Aguas"),
        # the body a relative clause is on acts in it
        ("La Junta Municipal de Agua y Saneamiento opera 90 pozos. El permiso equivale a menos del 1 por ciento de la extracción de la junta, "
         "que ronda los 160 millones de metros cúbicos al año.", "ronda los 160 millones de metros cúbicos al año", "Junta Municipal de Agua y Saneamiento"),
        # what a grid or water company says of a network it runs is its figure; not a coordinator's word on one
        ("Nube Morazán pidió 90 MW. La Empresa Nacional de Energía Eléctrica (ENEE) advirtió que la subestación Amarateca "
         "opera ya al 78% de su capacidad.", "78%", "Empresa Nacional de Energía Eléctrica"),
        ("Nube Morazán pidió 90 MW. El Coordinador Eléctrico Nacional advirtió que la subestación Amarateca "
         "opera ya al 78% de su capacidad.", "78%", None),
        # a relative clause on the body a "según" cites tells what that body itself does; the cited figure before it is not its own
        ("Por predial y derechos, el municipio recibiría unos 42 mdp al año, de acuerdo con la Tesorería Municipal, que hoy recauda "
         "118 mdp anuales por ese concepto.", "118 mdp anuales", "Tesorería Municipal"),
        # the operator a "Según" cites speaks of its own network too; a cited analyst of one does not
        ("Nube Morazán pidió 90 MW. Según la Empresa de Transmisión Eléctrica, S.A. (ETESA), la subestación que abastece a la "
         "ciudad tiene hoy un margen de apenas 25 MW.", "25 MW", "Empresa de Transmisión Eléctrica"),
        # a power plant the company runs is of its network too
        ("Nube Manabí pidió 40 MW. Según la Corporación Eléctrica del Ecuador (Celec EP), en los meses secos la central Paute-Molino "
         "puede caer por debajo de los 300 MW.", "por debajo de los 300 MW", "Corporación Eléctrica del Ecuador"),
        # the company written right before a relative clause the small model hangs on nothing; not the last of a list
        ("Nortegia Foundry levantará una planta de obleas en Casa Grande. "
         "Taiwán Semiconductor Fabricación Co., que ha comprometido $165 billones en sus fábricas al norte de Fénix, e Intel Corp., "
         "que gasta más de $30 billones en su campus de Chandler, son los vecinos más grandes de la nueva planta.", "más de $30 billones", "Intel"),
        ("El cable es impulsado por el consorcio Pacífico Austral Cable, formado por Entel, la japonesa KDDI y la australiana Telstra, "
         "que invertirá US$ 640 millones.", "US$ 640 millones", "Pacífico Austral Cable"),
        ("El Ministerio de Energía revisa los permisos. La cartera oficial suma 34 proyectos en trámite.", "34", None),
        # "el gremio" stands for any guild, whatever its name begins with
        ("La Cámara Paraguaya de Centros de Datos presentó su informe anual. El gremio, que agrupa a 21 operadores, pidió una tarifa "
         "especial.", "21", "Cámara Paraguaya de Centros de Datos"),
        # a consultancy that estimates is an outside analyst; "la compañía" is the company the article is about
        ("Nevado Datacenters opera tres centros de datos en Santiago. La consultora Altiplano Insights estima que el sector gasta 40 millones al año.\n"
         "La compañía prevé invertir US$ 180 millones en un cuarto campus.", "US$ 180 millones", "Nevado Datacenters"),
        # a level of government describes the body ("la institución provincial"); "la institución" may be any public body
        ("Un promotor negocia con la Diputación de Burgos la compra de 65 hectáreas. La institución provincial, a través de su sociedad de desarrollo, "
         "se las ofrece a 18 euros por metro cuadrado.", "18 euros por metro cuadrado", "Diputación de Burgos"),
        ("La empresa Nodo Caribe abrirá su nube en Malambo, con apoyo del Ministerio de Ciencia. El centro demandará hasta 6 MW.", "hasta 6 MW", "Nodo Caribe"),
        # "una segunda etapa" is a phase of the project in view, not any one at all
        ("La firma Paraná Cómputo levantará el campus en Rosario. Una segunda etapa, prevista para 2029, llevará la carga a 120 MW.", "120 MW", "Paraná Cómputo"),
        # a place's figure is no company's, whatever the claim before was about; a project named by its town is
        ("Carnaúba Data Centers abrirá su campus en 2027. La capacidad instalada en Ceará llegó a 48,5 MW este año.", "48,5 MW", None),
        ("Carnaúba Data Centers abrirá su campus en 2027. El campus de Caucaia tendrá 48,5 MW.", "48,5 MW", "Carnaúba Data Centers"),
        # the project's site and its power plant are the project, whoever reports on them
        (
            "La firma Confluencia Digital construirá un centro de datos en Añelo. La Asamblea Socioambiental de Añelo sostiene "
            "que la central térmica emitiría unas 650.000 toneladas de CO2 por año.",
            "unas 650.000 toneladas de CO2 por año", "Confluencia Digital",
        ),
        ("La firma Norteña Cómputo levantará su campus en Salinas Victoria. El predio de 62 hectáreas queda junto a la carretera, según la Secretaría de Economía.",
         "62 hectáreas", "Norteña Cómputo"),
        # "el regulador" acting on its own figure is the body the article is about, however far back it was named
        ("Osinergmin fija cargos de conexión para centros de datos\n"
         "Osinergmin publicó la resolución que cobra a los grandes usuarios por conectarse a la red de transmisión del país. "
         "La norma alcanza a los grandes usuarios. Hay tres niveles de tensión. Las empresas pagarán un cargo. "
         "El regulador lo fija en US$ 118.000 por MW solicitado.", "US$ 118.000 por MW", "Osinergmin"),
        # a clause about something of its own is no figure of the firm the article follows; one about its business is
        ("Ñandubay Datos levantará un campus en Rafaela\nLa firma Ñandubay Datos levantará un campus de 24 MW en el parque industrial de Rafaela, "
         "informó la empresa en un comunicado.\nEl lago del valle cubre unas 5.600 hectáreas.", "unas 5.600 hectáreas", None),
        ("Ñandubay Datos levantará un campus en Rafaela\nLa firma Ñandubay Datos levantará un campus de 24 MW en el parque industrial de Rafaela, "
         "informó la empresa en un comunicado.\nLa inversión total rondará los 180 millones de dólares.", "180 millones de dólares", "Ñandubay Datos"),
        # what a law sets for everyone is no one's figure, whatever firm the article follows
        ("Ñandubay Datos levantará un campus de 24 MW. La ordenanza entrará en vigencia 30 días después de su promulgación.", "30 días", None),
        # a regime the article spelled out and then names by its acronym; what it grants the firm ("le") is the firm's
        ("Ñandubay Datos pidió entrar al Régimen de Incentivo para Grandes Inversiones (RIGI). "
         "El RIGI otorga estabilidad fiscal por 30 años a los proyectos grandes.", "30 años", None),
        ("Ñandubay Datos pidió entrar al Régimen de Incentivo para Grandes Inversiones (RIGI). "
         "El RIGI le garantiza estabilidad fiscal por 30 años.", "30 años", "Ñandubay Datos"),
        # the threshold in a relative clause is the rule's too
        ("Ñandubay Datos pidió entrar al Régimen de Incentivo para Grandes Inversiones (RIGI). "
         "El RIGI otorga estabilidad fiscal a los proyectos que superen los US$ 200 millones.", "superen los US$ 200 millones", None),
        # "sus centros de datos" are someone's own, not the sector's
        ("La nube de ETECSA creció, pero sus dos principales centros de datos operaron durante 1.100 horas con grupos electrógenos.", "1.100 horas", "ETECSA"),
        # a public body's figure is about the sector, not the firm of the claim before
        ("Aguaribay Cómputo levantará un campus de 80 MW en Neuquén. "
         "La capacidad instalada en la provincia pasó de 12 MW a 31 MW, según la Secretaría de Energía.", "31 MW", None),
        # a firm's own papers still speak of the firm
        ("Aguaribay Cómputo levantará un campus de 80 MW en Neuquén. "
         "La primera etapa costará unos US$ 600 millones, según la empresa.", "unos US$ 600 millones", "Aguaribay Cómputo"),
        # a resident's or a farmer's figure is their own matter, not the firm's
        ("Ñandubay Datos levantará un campus de 24 MW en Rafaela. El predio ocupa 30 hectáreas. "
         "Hermelinda Trejo, ejidataria, contó que la bomba de su pozo pasó de 90 a 140 metros de profundidad.", "140 metros", None),
        ("Ñandubay Datos levantará un campus de 24 MW en Rafaela. El predio ocupa 30 hectáreas. "
         "“El depósito ya nos tiene a 62 decibeles a la noche”, contó la vecina Norma Peretti.", "62 decibeles", None),
        # the firm's own officer still speaks of the firm
        ("Ñandubay Datos levantará un campus de 24 MW en Rafaela. El predio ocupa 30 hectáreas. "
         "“Vamos a sumar 400 puestos directos”, contó la gerente general de la firma, Norma Peretti.", "400", "Ñandubay Datos"),
        # a public body that acts on the figure is its subject though it also reports it; not one that tallies others'
        ("Caribe Nube levantará un campus en Cali. El Ministerio de Tecnologías de la Información y las Comunicaciones (MinTIC) cofinanciará la primera fase "
         "con $95.000 millones, según informó la cartera.", "$95.000 millones", "Ministry of Information Technologies and Communications"),
        ("Caribe Nube levantará un campus en Cali. La Secretaría de Economía (SE) tiene registrados 14 proyectos de ensamble, "
         "informó la dependencia.", "14", None),
        # the figure the small model reads as the reported verb's subject is its object: the speaker acts
        ("La prueba de los huracanes\nFlorida Power & Light (FPL) informó que abastecerá los 120 megavatios adicionales del campus.",
         "120 megavatios", "Florida Power & Light"),
        # a figure in the phrase describing a chip is the chip's, whoever the clause's subject is; not one of a counted lot
        ("SambaNova responde con el SN40L, un chip con 520 MB de SRAM y 64 GB de HBM.", "64 GB", "SambaNova SN40L"),
        ("El campus de Scala Data Centers tendrá 11.000 aceleradores GB200 de Nvidia, con una carga inicial de 60 MW.", "60 MW",
         "Scala Data Centers"),
        # a relative clause on the figure's phrase says whose it is; one on another noun ("una cifra que...") does not
        ("La empresa Austral Nube ampliará su centro de Montevideo. El corazón de la ampliación será un clúster de unas 4.000 GPU H200 "
         "de Nvidia, que la compañía alquilará por horas a bancos.", "unas 4.000", "Austral Nube"),
        ("La empresa Vantura Datacampus firmó un contrato con la distribuidora i-DE. La obra terminó en junio. "
         "Según el juez, la red llegó con cinco meses de retraso sobre la fecha que la empresa había pedido.", "cinco meses", None),
        # "y que" opens a second reported clause: its verb with no subject is the speaker's own act
        ("La Comisión Federal de Electricidad (CFE) informó que las interrupciones alcanzaron a 265 mil usuarios y que desplegó 410 vehículos.",
         "410", "Federal Electricity Commission"),
        # a deployment's figure after a count of chips is the lot's (of who runs it), not one chip's
        ("El proyecto prevé un clúster de 768 GPU H200 de Nvidia que gestionará el DIPC, con una potencia de unos 25 petaflops.",
         "unos 25 petaflops", "DIPC"),
        # and a chip the claim before measured costs nothing of the next one's
        ("La H200 de Nvidia tiene 141 GB de memoria. El pedido habría costado unos 190 millones de euros.", "unos 190 millones de euros", None),
    ],
)
def test_claims_subject_on_real_press(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


def test_claims_a_firm_met_after_a_preposition_does_not_become_the_company_in_view(extractor):
    """'La concejala pidió a Enel explicar cómo atenderá la carga si ... 90
    cortes. La compañía calcula...': the firm asked is no new 'la compañía'."""
    found = claims(extractor, "La empresa Quillay Cómputo levantará un campus en Rancagua. La concejala Ana Soto Pizarro pidió a Enel explicar "
                              "cómo atenderá la nueva carga si, según sus cuentas, los barrios del sur sufrieron más de 90 cortes en 2025. "
                              "La compañía calcula que la obra generará 180 empleos.")
    assert found["180"].subject == "Quillay Cómputo"


def test_claims_a_paper_without_an_owner_is_the_one_credited_before(extractor):
    """'según una encuesta de la firma X ... De acuerdo con la ficha técnica,
    ...': a later paper with no owner of its own is that one's; figures
    credited to someone's calculations name no paper."""
    found = claims(extractor, "Ocho de cada diez vecinos rechazan los campus de Cúmulo Datos y Ñire Cloud, según una encuesta de la firma "
                              "Veleta Sondeos. De acuerdo con la ficha técnica, se hicieron 900 entrevistas en 12 barrios. "
                              "El estudio indica además que el 64 por ciento no sabía de los proyectos.")
    assert found["900"].source == "Veleta Sondeos"
    assert found["64 por ciento"].source == "Veleta Sondeos"
    found = claims(extractor, "El campus equivale, según cálculos de la Comisión Estatal de Energía, al consumo de 90.000 hogares. "
                              "Según la propuesta, el promotor pagaría 7 centavos por kilovatio hora.")
    assert found["7 centavos por kilovatio hora"].source != "Comisión Estatal de Energía"


def test_claims_a_remark_on_another_name_is_that_ones_and_does_not_carry(extractor):
    """'Boricua Compute es filial de Atlantic Edge Partners, un fondo que
    administra...': the relative clause on the apposed noun is about the
    fund; the next figures are still the article's company's."""
    found = claims(extractor, "La empresa Pampa Nube levantará un centro de datos en Luján. Pampa Nube es filial de Quebracho Capital Partners, un fondo "
                              "con sede en Rosario que administra US$ 900 millones. La compañía se comprometió a crear 340 empleos.")
    assert found["US$ 900 millones"].subject == "Quebracho Capital Partners"
    assert found["340"].subject == "Pampa Nube"


@pytest.mark.parametrize(
    "sentence, anchor",
    [
        ("En el mercado paralelo, el dólar se cotizaba la semana pasada en torno a 13,8 bolivianos.", "en torno a 13,8"),
        ("El embalse almacena hoy apenas el 46 % de su capacidad.", "46 %"),
        ("En el barrio, los vecinos pagan 96.000 guaraníes al mes por el agua.", "96.000 guaraníes al mes"),
    ],
)
def test_claims_a_clause_about_residents_a_currency_or_a_reservoir_takes_no_carried_subject(extractor, sentence, anchor):
    text = "La empresa Yaguarú Data instalará 4.000 equipos de cómputo en Warnes. " + sentence
    found = claims(extractor, text)
    assert found["4.000"].subject == "Yaguarú Data"
    assert found[anchor].subject is None


@pytest.mark.parametrize(
    "text, own, going",
    [
        ("La firma Manglar Nube tributará una tarifa de renta del 20 %, frente al 35 % que pagan las demás sociedades.", "20 %", "35 %"),
        ("Manglar Nube pagará $465 por kilovatio hora, frente a los $712 por kWh que paga en promedio la gran industria.",
         "$465 por kilovatio hora", "$712 por kWh"),
    ],
)
def test_claims_a_figure_set_against_what_others_pay_is_nobodys(extractor, text, own, going):
    found = claims(extractor, "La empresa Manglar Nube abrirá un centro de datos en Cartagena. " + text)
    assert found[own].subject == "Manglar Nube"
    assert found[going].subject is None


def test_claims_a_columnist_writing_of_themselves_speaks_of_no_company(extractor):
    """An op-ed or a reader's letter in the first person singular: the
    writer's own years are not the figures of the firm the page is about; a
    conditional, first and third person alike, still may be."""
    text = ("El campus de Calarde Digital y el agua de la llanura\n"
            "La empresa Calarde Digital proyecta un campus de centros de datos junto a Albacete y pide un pozo propio para refrigerarlo.\n"
            "Llevo 22 años bajando sondas a los pozos de la llanura.\n"
            "La inversión rondaría los 400 millones de euros.")
    found = claims(extractor, text)
    assert found["22 años"].subject is None
    assert found["rondaría los 400 millones de euros"].subject == "Calarde Digital"


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("La Asociación de Centros de Datos del Noreste, que agrupa a nueve empresas, estimó que el sector invertirá en el estado "
         "3 mil 800 millones de dólares hasta 2030 y que generará mil 900 empleos directos.", "mil 900"),
        ("Osinergmin calcula que hay 34 solicitudes en trámite que suman 2.150 MW.", "2.150 MW"),
    ],
)
def test_claims_what_a_body_estimates_of_others_is_not_its_own_figure(extractor, text, anchor):
    """The body is the subject of the sentence's first figure (its own
    members, the requests it counts), not of the others' figures it estimates."""
    assert claims(extractor, text)[anchor].subject is None


def test_claims_a_consultancys_reading_of_the_market_is_no_figure_about_the_consultancy(extractor):
    found = claims(extractor, "Ñandubay Datos levantará un campus en Rafaela. La consultora Ostrand Partners publicó su informe sobre el mercado. "
                   "Los PPA a diez años se cerraron a 36 euros por megavatio hora, según la misma consultora.")
    assert found["36 euros por megavatio hora"].source == "Ostrand Partners"
    assert found["36 euros por megavatio hora"].subject != "Ostrand Partners"


def test_claims_a_second_reported_clause_shares_the_first_clauses_subject_when_it_can(extractor):
    """'estima que el sector da empleo a 7.300 personas y que sumará otras
    9.450': the sector adds them, not the consultancy that estimates it."""
    found = claims(extractor, "Aguaribay Cómputo levantará un campus en Neuquén. "
                   "La consultora Ostrand Partners estima que el sector da empleo a unas 7.300 personas y que sumará otras 9.450 en cinco años.")
    assert found["9.450"].subject == found["unas 7.300"].subject != "Ostrand Partners"


def test_claims_a_price_target_is_the_company_the_bank_estimates(extractor):
    """'Bankinter elevó su precio objetivo de 16 a 18,40 euros' after a
    sentence on Telefónica's shares: Telefónica's figure, Bankinter's estimate."""
    text = "En Bolsa, Telefónica subió un 6,2 % y cerró en 4,85 euros. Bankinter elevó su precio objetivo de 5 a 5,40 euros."
    claim = claims(extractor, text)["5,40 euros"]
    assert (claim.subject, claim.source, claim.modality) == ("Telefónica", "Bankinter", "estimated")


def test_claims_a_recommendation_for_a_company_with_a_price_target_is_that_companys(extractor):
    """'Monex mantuvo su recomendación de "mantener" para Tepeyac, con un
    precio objetivo de 43 pesos': the company the recommendation is for, in
    the broker's words; the company is not the one who sets the target."""
    text = ("Fibra Tepeyac Digital acordó comprar un campus por 412 millones de dólares. Monex mantuvo su recomendación de "
            '"mantener" para Tepeyac, con un precio objetivo de 43 pesos.')
    claim = claims(extractor, text)["43 pesos"]
    assert (claim.subject, claim.source) == ("Fibra Tepeyac Digital", "Monex")


def test_claims_a_price_target_written_after_its_figures_is_for_the_company_named(extractor):
    """'Banorte elevó de 38.10 a 42.70 pesos por CBFI su precio objetivo para
    Fibra Xólotl': the figures come first, the company the target is for
    after 'para', whatever company the sentence before was about."""
    text = ("Grupo Itzel vendió su participación en el campus de Apaseo. Banorte elevó de 38.10 a 42.70 pesos por CBFI su precio "
            "objetivo para Fibra Xólotl Digital, al considerar que la cotización no refleja el negocio de datos.")
    found = claims(extractor, text)
    assert found["38.10"].subject == found["42.70 pesos por CBFI"].subject == "Fibra Xólotl Digital"
    # not past a comma: the debt ratio is the company's, the bank's target a later clause
    text = ("Banorte calcula que Telefónica podría bajar su deuda de 3,1 a 2,4 veces Ebitda, y subió su precio objetivo "
            "de 40 a 44 pesos.")
    assert claims(extractor, text)["2,4"].subject == "Telefónica"


@pytest.mark.parametrize(
    "text, anchor, date",
    [
        ("La firma, creada en 2019, instalará 2.400 GPU.", "2.400", None),
        ("El campus ya consume 38 MW y podría alcanzar 120 MW en 2028.", "38 MW", None),
        ("El campus ya consume 38 MW y podría alcanzar 120 MW en 2028.", "120 MW", "2028"),
        ("La potencia contratada pasará de 40 a 120 MW en 2027.", "40", None),
        ("La potencia contratada pasará de 40 a 120 MW en 2027.", "120 MW", "2027"),
        ("La potencia contratada pasó de 40 a 120 MW en 2025.", "40", "2025"),
        ("Microsoft anunció el 3 de enero de 2025 que invertirá 80.000 millones de dólares.", "80.000 millones de dólares", "2025-01-03"),
        # a date written right after the figure is its own, whatever date came first in the clause
        ("La demanda de Bogotá pasó de 17.900 GWh en 2023 a 19.400 GWh en 2025.", "19.400 GWh", "2025"),
        ("La demanda de Bogotá pasó de 17.900 GWh en 2023 a 19.400 GWh en 2025.", "17.900 GWh", "2023"),
        ("La planta se construirá en dos fases: 900 MW en 2028 y otros 600 MW en 2030.", "600 MW", "2030"),
        # the year a change is set against dates the comparison, not the figure
        ("La salvadoreña facturó US$58.4 millones, 41 % más que en 2024.", "41 %", None),
        ("Ingresos de centros de datos: 168.300 millones de pesos, 46 % más que en igual lapso de 2025.", "46 %", None),
        # a date written right after another figure is that figure's; a restatement of that figure shares it
        ("La plantilla de la refinería bajó de 2.900 en 2016 a 1.850 en la actualidad.", "1.850", None),
        ("La CREG calcula que la demanda de los centros de datos pasará de 110 MW a unos 600 MW en 2030.", "110 MW", None),
        # ... however the parse hangs the figure ("ampliable hasta 120 MW hacia 2031")
        ("La iniciativa contempla una primera etapa de 36 MW de carga de TI, ampliable hasta 120 MW hacia 2031.", "hasta 120 MW", "2031"),
        ("El costo es ahora de US$9 millones por megavatio, comparado con US$6.5 millones en 2022.", "US$6.5 millones", "2022"),
        ("La empresa pasó de 18 a 57 trabajadores y sus ingresos crecieron 140% en 2024, hasta US$ 2,1 millones.", "57", None),
        ("Sus plantas geotérmicas generaron 1.420 GWh en el 2024, un 12% de la producción nacional.", "12%", "2024"),
    ],
)
def test_claims_date_of_the_numbers_own_verb(extractor, text, anchor, date):
    assert claims(extractor, text)[anchor].date == date


@pytest.mark.parametrize(
    "text, anchor, unit",
    [
        ("La red sumó una docena de proyectos en 2025.", "una docena", "proyecto"),
        ("El plan se construirá en cuatro fases hasta 2031.", "cuatro", "fase"),
        ("La demanda será al menos diez veces mayor en verano.", "al menos diez", "vez"),
        # a rate written once serves the start of a change and the figure set against it (corpus/README.md)
        ("Su producción pasará de 20.000 a 60.000 obleas al mes.", "20.000", "oblea/month"),
        ("El precio rondaría los US$ 38 por megavatio hora, frente a los US$ 55 que pagan los clientes.", "US$ 55", "USD/MWh"),
        ("Consumiría 1,3 millones de metros cúbicos al año, una cifra que la promotora rebaja a 400.000 m³.", "400.000 m³", "m3/year"),
        ("Ensamblará 2.400 racks al mes, frente a los 900 actuales.", "900", "rack/month"),
        # a counted noun written once serves the start of a change and a count that leaves it out
        ("Su plantilla pasará de 320 a 1.100 trabajadores cuando la planta opere.", "320", "trabajador"),
        ("La comisión aprobó el campus por seis votos a favor y dos en contra.", "dos", "voto"),
        ("Emplea a no más de 60 personas, frente a las más de 2.000 que ocupa un frigorífico.", "más de 2.000", "persona"),
        # but a share of it is no count of its own
        ("La obra ocupará a 2.500 trabajadores y menos de la mitad serán de la provincia.", "menos de la mitad", None),
        # "por los terrenos" is what was bought, no rate
        ("Habría pagado cerca de US$ 40 millones por los terrenos.", "cerca de US$ 40 millones", "USD"),
        # a plural the model tags as an adjective is still what the number counts, unless it stands for a noun before it
        ("El sistema contará con 3.072 GPU H200 de Nvidia repartidas en 384 nodos y alcanzará 160 Pflop/s.", "384", "nodo"),
        ("El proyecto podría generar 350 empleos durante la construcción y unos 60 permanentes.", "unos 60", "empleo"),
        # a factor, and the count a verb of reckoning sets with its noun after the number
        ("El supercomputador multiplicará por cinco la capacidad de su predecesor.", "cinco", "vez"),
        ("La consejera cifró en 1.200 los empleos directos que generará el complejo.", "1.200", "empleo"),
        # an amount for each one of something is per that thing (corpus/README.md)
        ("Cada hora sin luz le costaría al país unos USD 12 millones.", "unos USD 12 millones", "USD/hour"),
        ("La ganancia ajustada por acción fue de $2.07, frente a los $1.98 esperados.", "$1.98", "USD/acción"),
        ("Por cada empleo permanente, el condado renuncia a más de $15 millones en impuestos.", "más de $15 millones", "USD/empleo"),
        ("La empresa invirtió US$ 30 millones en cada etapa.", "US$ 30 millones", "USD"),
        # a data centre's efficiency index is what its bare number measures
        ("La nueva partición trabajará con un PUE de 1,15 y consumirá 4,5 MW.", "1,15", "PUE"),
        ("Los centros del Gobierno operan con un PUE promedio de 1,8.", "1,8", "PUE"),
    ],
)
def test_claims_unit_of_collectives_plurals_and_comparatives(extractor, text, anchor, unit):
    assert claims(extractor, text)[anchor].unit == unit


@pytest.mark.parametrize(
    "text, anchor, field, expected",
    [
        # who reports others' figures is not their subject
        ("Morgan Stanley calcula que se invertirán 1,2 billones de dólares en IA.", "1,2 billones de dólares", "subject", None),
        # "según el proyecto que presentó ante la Junta": the Junta does not speak
        ("Según el proyecto que presentó ante la Junta de Castilla-La Mancha, el campus consumirá 665 millones de litros.",
         "665 millones de litros", "source", None),
        # a third party's figure set against another is about what that one was about
        ("La distribuidora Air-e asegura que tiene 20 MW libres en Malambo. El sindicato Sintraelecol rebaja esa cifra a menos de 8 MW.",
         "menos de 8 MW", "subject", "Air-e"),
        ("La distribuidora Air-e asegura que tiene 20 MW libres en Malambo. El sindicato Sintraelecol rebaja esa cifra a menos de 8 MW.",
         "menos de 8 MW", "source", "Sintraelecol"),
        # the company disputing a figure about itself is its subject as usual
        ("La ONG calcula que el campus de Google podría usar 2 millones de litros, una cifra que Google rebaja a 100.000 litros.",
         "100.000 litros", "subject", "Google"),
        # an organisation that says what a clause with its own subject reports is not its subject either
        ("La Fundación Patagonia Natural sostiene que en verano la demanda sería al menos diez veces mayor.", "al menos diez", "subject", None),
        # a sector's demand is no one organisation's
        ("Google abrió un campus en Canelones. La demanda del sector podría superar 1,5 GW en 2030.", "superar 1,5 GW", "subject", None),
        # a source close to a company is not that company
        ("Una fuente cercana a Anthropic dijo que la empresa usará un millón de TPU.", "un millón", "source", None),
        ("Una fuente cercana a Anthropic dijo que la empresa usará un millón de TPU.", "un millón", "modality", "alleged"),
        # a relative clause on a noun, with its own subject and without the figure, says nothing of the figure
        ("La Cámara de Centros de Datos presentó su informe. Si se instala toda la capacidad que anuncia el gremio, la devolución "
         "anticipada sumaría unos S/ 4.600 millones en cinco años.", "unos S/ 4.600 millones", "source", None),
        ("Calarde Digital compró suelo en Albacete. La firma, que anuncia una inversión de 1.100 millones de euros, promete 180 MW "
         "para servidores.", "180 MW", "source", "Calarde Digital"),
        # nor does a body named in a relative clause that acts on the paper own the paper
        ("El Gobierno de Aragón (DGA) recibió la solicitud. El proyecto, que la DGA declarará de interés general en las próximas "
         "semanas, prevé una inversión de 4.800 millones de euros.", "4.800 millones de euros", "source", None),
        # a firm introduced as "el gabinete ..." is no person whom "él" could mean
        ("El campus alojaría hasta 120 000 chips, estima Hamza Lazrak, analista en el gabinete parisino Sablier Conseil. Según él, "
         "la capacidad pasó de 25 MW en 2020 a unos 90 MW hoy.", "unos 90 MW", "source", "Hamza Lazrak"),
        # the market's consensus a result is set against is no one's word
        ("AMD reportó ingresos de $9.25 mil millones, batiendo las estimaciones de $8.74 mil millones.", "$8.74 mil millones", "source", None),
        ("Nvidia prevé ingresos de alrededor de $100,000 millones, frente a los $95,300 millones que proyectaba el mercado.",
         "$95,300 millones", "source", None),
    ],
)
def test_claims_who_is_not_speaking_or_not_the_subject(extractor, text, anchor, field, expected):
    assert getattr(claims(extractor, text)[anchor], field) == expected


def test_claims_abbreviations_do_not_end_sentences(extractor):
    """"la Dra. Ana Ruiz", "EE. UU.": the sentence, and its "según", go on."""
    found = claims(extractor, "Según la Dra. Ana Ruiz, el clúster tendrá 100.000 GPU.")["100.000"]
    assert found.source == "Ana Ruiz"
    found = claims(extractor, "La inversión en EE. UU. será de 500 millones de dólares, dijo Jensen Huang.")["500 millones de dólares"]
    assert found.source == "Jensen Huang"
    # a legal form's stop before a lower-case verb
    found = claims(extractor, "Meta Platforms Inc. dijo el martes que firmó un acuerdo de compra de energía de 20 años.")["20 años"]
    assert found.source == "Meta"
    # a currency sign with a slash: Panama's balboa, Peru's old sol
    for sign in ("B/.", "S/."):
        found = claims(extractor, f"Etesa calcula que invertirá {sign} 45 millones en una nueva línea de 230 kV.")["230 kV"]
        assert found.source == "Empresa de Transmisión Eléctrica"


def test_claims_an_outlet_is_never_the_subject(extractor):
    text = "Según fuentes del sector citadas por el diario Handelsblatt, el sistema costó 500 millones de euros."
    found = claims(extractor, text)["500 millones de euros"]
    assert (found.source, found.subject) == ("Handelsblatt", None)


def test_claims_in_a_pasted_post_are_its_authors(extractor):
    """A post quoted whole, signed "— Name (@handle) date", speaks for its author."""
    text = (
        "Musk lo anunció en su red social, en un mensaje que citamos entero.\n"
        "Este fin de semana el equipo de xAI puso en marcha nuestro clúster de entrenamiento Colossus, con 100k H100, "
        "el sistema de entrenamiento de IA más potente del mundo, y en unos meses tendrá el doble. "
        "— Elon Musk (@elonmusk) 2 de septiembre de 2024\n"
        "El sistema costó 3.000 millones de dólares."
    )
    found = claims(extractor, text)
    assert found["100k"].source == "Elon Musk" and "source<-post-signature" in found["100k"].cues
    assert found["3.000 millones de dólares"].source is None


_THREAD_PAGES = [
    # a numbered thread is the word of the person the page introduces before
    # it; a post that credits a figure to someone keeps that source
    (
        "La ingeniera Marcela Quiroga Ledesma publicó en X un hilo sobre el campus. Lo reproducimos.\n"
        "1/4 Vamos con el campus de IA de Zárate. Arranca con 150 MW.\n"
        "2/4 Según CAMMESA, el pico del sistema fue de 30.180 MW.\n"
        "3/4 El campus consumiría unos 4.470 GWh al año.\n"
        "4/4 Se aceptan correcciones.\n"
        "El predio tiene 94 hectáreas.\n",
        {"150 MW": "Marcela Quiroga Ledesma", "unos 4.470 GWh al año": "Marcela Quiroga Ledesma",
         "30.180 MW": "Compañía Administradora del Mercado Mayorista Eléctrico", "94 hectáreas": None},
    ),
    # a fact-check quotes each post and gives its verdict after it: the
    # quotes are the author's word, the verdicts the page's own
    (
        "El concejal Ramiro Etchart Bianchi publicó en sus redes un hilo de cuatro mensajes sobre el campus. Revisamos cada cifra.\n"
        '"1/4 El campus de Nube Litoral va a consumir 300 MW", escribió el edil.\n'
        "Exagerado. La primera etapa tendrá 60 MW.\n"
        '"2/4 Nube Litoral va a tomar del río 9 millones de litros por día."\n'
        "Falso. Son 400.000 litros diarios, según el estudio ambiental.\n"
        '"3/4 Promete 1.500 empleos y habrá 120."\n'
        "Verdadero.\n"
        '"4/4 Pedí informes al Ejecutivo."\n',
        {"9 millones de litros por día": "Ramiro Etchart Bianchi", "1.500": "Ramiro Etchart Bianchi", "60 MW": None},
    ),
]


@pytest.mark.parametrize("text, sources", _THREAD_PAGES)
def test_claims_in_a_reproduced_thread_are_its_authors(extractor, text, sources):
    found = claims(extractor, text)
    assert {anchor: found[anchor].source for anchor in sources} == sources
    assert not {"1/4", "2/4", "3/4"} & set(found)  # a post's place in the thread is no figure


def test_claims_in_readers_comments_are_their_authors(extractor):
    """A comment section ('Name · hace 3 h' over each comment): each comment's
    figures are its author's, by name or handle; the story above is nobody's."""
    text = ("El contrato cubre 120 MW en Villeta.\n\n"
            "23 comentarios | Ordenar por: Más votados\n\n"
            "Néstor Florentín · hace 3 h\n"
            "Mi fábrica paga US$ 47 el MWh en alta tensión.\n"
            "👍 41 · Responder\n\n"
            "   tarifazo_no · hace 2 h · en respuesta a Néstor Florentín\n"
            "   Hagan la cuenta: son unos 460 millones al año.\n"
            "   👍 18 · Responder\n")
    found = claims(extractor, text)
    assert found["120 MW"].source is None
    assert found["US$ 47"].source == "Néstor Florentín" and "source<-comment" in found["US$ 47"].cues
    assert found["unos 460 millones"].source == "tarifazo_no"
    assert "41" not in found and "2 h" not in found  # likes and the time since posting are the page's furniture


def test_claims_a_paragraph_ending_in_a_date_is_no_signed_post(extractor):
    """'...prevista para el 1. julio 2027.' closes a paragraph with a date but no signature."""
    text = (
        "La Asociación Alemana de Centros de Datos cuenta 1.200 MW en la región.\n"
        "En el edificio trabajarán unas 120 personas. La puesta en marcha está prevista para el 1. julio 2027.\n"
    )
    found = claims(extractor, text)
    assert found["unas 120"].source is None and "source<-post-signature" not in found["unas 120"].cues


def test_claims_sources_close_to_a_company_are_not_it(extractor):
    found = claims(extractor, "Según fuentes cercanas a Nvidia, la empresa venderá 3 millones de GPU.")["3 millones"]
    assert (found.source, found.modality) == (None, "alleged")


def test_claims_unnamed_people_of_a_named_firm_are_not_its_word(extractor):
    """'Fuentes de Red Eléctrica señalaron...', 'técnicos de Iberdrola consultados
    por este diario': unnamed, as 'fuentes del sector' are; the firm is
    neither the source nor, being only their employer, the subject or a party."""
    text = ("Tajo Data Campus pide conexión en Toledo\n"
            "La promotora Tajo Data Campus pide 500 MW para su campus de Toledo. "
            "Fuentes de Red Eléctrica señalaron que los nudos de la comarca solo admiten 300 MW más.")
    found = claims(extractor, text)["300 MW"]
    assert found.source is None and found.subject != "Red Eléctrica" and "Red Eléctrica" not in found.orgs
    found = claims(extractor, "Técnicos de Iberdrola consultados por este diario calculan que la subestación admite otros 80 MW.")["80 MW"]
    assert found.source is None
    # a firm whose name opens in lower case
    found = claims(extractor, "Fuentes de i-DE, la distribuidora del grupo, han indicado que la compañía ya ha concedido 60 MW.")["60 MW"]
    assert found.source is None
    # a firm that speaks on the record is still its own source
    assert claims(extractor, "Red Eléctrica señaló que los nudos de la comarca solo admiten 300 MW más.")["300 MW"].source == "Red Eléctrica"


def test_claims_a_regulator_is_not_what_every_figure_is_about(extractor):
    """An article about what a regulator reports: "la entidad" is the
    regulator, but a figure nobody is named for is not the regulator's."""
    text = (
        "La Comisión Reguladora de Energía (CRE) informó que las solicitudes de conexión suman 1.200 MW. "
        "La CRE recibió 40 peticiones, según la CRE, y la CRE las revisa. La CRE lo confirmó, calculó la entidad.\n"
        "Hoy una conexión a la red tarda más de 36 meses."
    )
    found = claims(extractor, text)
    assert found["más de 36 meses"].subject is None


def test_claims_a_chips_vendor_is_not_the_subject(extractor):
    """'superchips NVIDIA GH200': the vendor names the chip; the nodes and floor
    space are not NVIDIA's."""
    text = "El superordenador JUPITER arrancó en Jülich. Su módulo principal reúne casi 24.000 superchips NVIDIA GH200 repartidos en unos 6.000 nodos y ocupa unos 2.300 m2."
    found = claims(extractor, text)
    assert found["unos 6.000"].subject != "NVIDIA" and found["unos 2.300 m2"].subject != "NVIDIA"


def test_claims_the_company_acting_in_the_lead_is_the_topic(extractor):
    """A lead opened by a public body ("La comisión aprobó...") is still about
    the company that acts in it; "El proyecto" is that company's."""
    text = (
        "Oracle y la chilena Andesnube levantarán un campus de IA en Lampa\n"
        "SANTIAGO, 14 nov (AFP).- La Comisión de Evaluación Ambiental aprobó este jueves el campus de centros de datos "
        "que la firma chilena Andesnube Data Centers SpA levantará en Lampa y que tendrá a Oracle como cliente.\n"
        "El proyecto contempla una inversión total de 1.100 millones de dólares en tres etapas."
    )
    assert claims(extractor, text)["1.100 millones de dólares"].subject == "Andesnube Data Centers"


_LEAD = "La firma Red Clay Digital construirá un gran campus de centros de datos en el condado de Bartow, en Georgia.\n"


@pytest.mark.parametrize(
    "sentence, anchor, source",
    [
        # papers of no one in particular, or the outlet's own, are the outlet's voice, not the article's company
        ("Se aprobaron 9 iniciativas por 15.000 millones de dólares, según datos oficiales.", "15.000 millones de dólares", None),
        ("El Cenace autorizó 45 MW, según documentos consultados por este diario.", "45 MW", None),
        ("El consumo equivale a 2.000 litros al día, según cálculos de este medio.", "2.000 litros al día", None),
        ("Los hiperescaladores gastarán 350.000 millones de dólares, según estimaciones de la industria.", "350.000 millones de dólares", None),
        # someone's papers are theirs
        ("La planta usará 2.000 litros al día, según documentos que la empresa presentó.", "2.000 litros al día", "Red Clay Digital"),
    ],
)
def test_claims_whose_papers_say_so(extractor, sentence, anchor, source):
    assert claims(extractor, _LEAD + sentence)[anchor].source == source


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # the body that acts in the clause above: through a relative clause and an infinitive
        ("La Junta de Andalucía aprobará una orden que exigirá a los campus de más de 20 MW instalar paneles.", "más de 20 MW", "Regional Government of Andalusia"),
        ("Iberdrola, que gestiona la malla que alimenta a cerca del 70% de la región, recibió nuevas solicitudes.", "cerca del 70%", "Iberdrola"),
        # a relative pronoun whose antecedent is a name: that name acts
        ("Cerró una ronda liderada por Samsung, que aporta 900 millones de euros.", "900 millones de euros", "Samsung"),
        # a verb that obliges someone to act hands the act to its object
        ("El Congreso aprobó una norma que obliga a Telefónica a invertir 2.000 millones de euros.", "2.000 millones de euros", "Telefónica"),
        # a company that acts and also reports its own figure
        ("La firma Nubeandes rentará servidores a unos US$ 3 por hora, según estimó la empresa.", "unos US$ 3 por hora", "Nubeandes"),
        # a price is the bought company's
        ("Según Bloomberg, Oracle estudia comprar Cohere por unos 5.000 millones de dólares.", "unos 5.000 millones de dólares", "Cohere"),
        # what a body grants to the project or to the company in view is theirs, not the body's
        ("Alborán Infra Partners levantará un campus en Carmona. Red Eléctrica concedió en julio al proyecto un permiso de acceso de 450 MW.",
         "450 MW", "Alborán Infra Partners"),
        ("La empresa Atacama Compute levantará un campus en Antofagasta. El Ministerio de Bienes Nacionales le otorgó una concesión sobre 2.600 hectáreas.",
         "2.600 hectáreas", "Atacama Compute"),
        # "el gobierno estatal" is the state's government the article named, not the country's nor the company's
        ("Norteña Cómputo levantará un campus en Salinas Victoria con apoyo del Gobierno de Nuevo León. "
         "Además, el gobierno estatal invertirá 3 mil 500 millones de pesos en un acueducto.", "3 mil 500 millones de pesos", "Government of Nuevo León"),
        # a figure named as another company's, in a comparison
        ("AMD tiene el 8 % del mercado, frente al 85 % de NVIDIA.", "85 %", "NVIDIA"),
        # a subject noun owned through "de" is its owner's
        ("La participación de Nvidia en el mercado chino de aceleradores cayó de alrededor de 95 % a 50 %.", "50 %", "NVIDIA"),
        ("El programa InvestAI de la Comisión Europea reserva 20.000 M€ para cuatro gigafactorías.", "20.000 M€", "European Commission"),
        # the subject of a predicate noun acts through the infinitive that hangs from it
        ("Andes Cómputo presentó un campus de IA en Luján de Cuyo. La Empresa Mendocina de Energía (Emesa) será la encargada de tender una línea de 220 kV y 38 kilómetros hasta la subestación Cruz de Piedra.", "38 kilómetros", "Empresa Mendocina de Energía"),
    ],
)
def test_claims_subject_is_who_acts_in_the_clause_above(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # a company vouching for a figure ("según la startup") speaks of its own
        # business, not of the company the claim before was about
        ("La firma Nodo Pacífico invertirá 38 millones de dólares en un edificio en Durán que alojará a la startup local Kuntur IA. "
         "Kuntur IA alquila allí 512 GPU H100 de Nvidia. Nodo Pacífico le cobra 2 dólares por hora de uso. "
         "Ese conjunto de equipos suma unos 500 petaflops, según la startup.", "unos 500 petaflops", "Kuntur IA"),
        # a sentence without a number still moves the company in view
        ("YPF Luz invertirá US$ 900 millones en una central que abastecerá un parque de centros de datos en Añelo. "
         "Andes Cómputo es la desarrolladora que dirige Mariano Sáenz. La firma compró en 2025 un predio de 85 hectáreas.", "85 hectáreas", "Andes Cómputo"),
        # a collective named later is not what "la compañía" means
        ("La empresa Nimbus Datos del Sur levantará un centro de datos de 60 MW en Libertad. El colectivo Agua Viva San José considera "
         "que la empresa consumirá 1,8 millones de litros diarios. La autorización obliga a la compañía a reforestar 12 hectáreas.",
         "12 hectáreas", "Nimbus Datos del Sur"),
        # a speaker reporting what it will itself do, through "tener que" and an infinitive
        ("AWS abrirá una región de nube en la Sabana de Bogotá. Enel Colombia, operador de red en Cundinamarca, estima que "
         "tendrá que invertir cerca de $ 640.000 millones en dos subestaciones.", "cerca de $ 640.000 millones", "Enel Colombia"),
        # a sentence naming only a supplier after a preposition or a chip is about the article's topic
        ("Andesnube Data Centers construirá un campus de IA en Lampa, al norte de Santiago, con una inversión de US$ 400 millones.\n"
         "La energía provendrá de un contrato de suministro a 15 años firmado con Colbún.", "15 años", "Andesnube Data Centers"),
        ("Andesnube Data Centers construirá un campus de IA en Lampa, al norte de Santiago, con una inversión de US$ 400 millones.\n"
         "Según la Municipalidad de Lampa, 14 sistemas de agua rural dependen del mismo acuífero.", "14", None),
        # a union named after the company opens the lead: the article is about the company it names
        ("El Sindicato de Operadores de Nimbo Austral Datacenters aprobó este martes la huelga en la compañía, cuyos dos centros de "
         "datos funcionan en Santiago, tras rechazar su última oferta en una votación.\nNimbo Austral, en tanto, ofreció un reajuste "
         "de 2 % y un bono. La compañía pidió la mediación de la Dirección del Trabajo (DT), que tiene un plazo de cinco días hábiles.\n"
         "Mediación de la DT\nLa DT ya medió en 37 procesos este año. Nimbo Austral atiende a unos 300 clientes.", "dos", "Nimbo Austral Datacenters"),
        # the vendor of chips the lead names without their model ("24.000 GPU de Nvidia") is no topic
        ("Una firma local planea instalar 24.000 GPU de Nvidia en un predio de 12 hectáreas junto a la represa, según documentos "
         "municipales a los que tuvo acceso este diario.\nEl proyecto demandaría 60 MW.", "60 MW", None),
        # another organisation stating a figure in its own words is not about the company before
        ("La empresa Cóndor Cómputo levantará un campus de IA de 120 MW en Luján de Cuyo. El Ente Provincial Regulador Eléctrico, por su parte, "
         "advirtió en una nota que la línea que llega al parque industrial trabaja ya por encima del 80 % de su capacidad.", "por encima del 80 %", None),
        # a name whose words the small model makes two subjects is still the subject
        ("EuroHPC JU ya seleccionó en diciembre de 2024 las siete primeras fábricas de IA, con una inversión conjunta de 1.500 millones "
         "de euros.", "1.500 millones de euros", "European High-Performance Computing Joint Undertaking"),
        # a place's figure in a relative clause on the place is no company's
        ("La empresa Ebro Cómputo construirá un campus de 300 MW en Tudela. La cifra supera el 80 % de la demanda punta de Navarra, "
         "que el pasado enero marcó 1.200 MW.", "1.200 MW", None),
        # a town whose article is part of its name, an island
        ("Entel levantará un campus de 40 MW. El Alto está a más de 4.000 metros sobre el nivel del mar.", "más de 4.000 metros", None),
        ("La empresa Nube Canaria levantará un campus de 40 MW en Granadilla. Tenerife funciona como un sistema eléctrico aislado, con una demanda punta de "
         "unos 590 MW.", "unos 590 MW", None),
        # what an organisation says next is not about the machine the sentence before measured
        ("Cada servidor Grand Teton de Meta reúne 8 GPU H100 y 2 TB de memoria. Según Meta, el modelo de lenguaje se entrenó durante "
         "54 días.", "54 días", None),
        # ... unless its clause goes on about one thing of the company's own (its bill, its capacity)
        ("La empresa Cóndor Cómputo levantará un campus de IA de 120 MW en Luján de Cuyo. El Ente Provincial Regulador Eléctrico calcula "
         "que la factura del campus rondará los 9 millones de dólares al año.", "9 millones de dólares al año", "Cóndor Cómputo"),
        ("La empresa Cóndor Cómputo levantará un campus de IA de 120 MW en Luján de Cuyo. El Ente Provincial Regulador Eléctrico calcula "
         "que la factura típica subirá un 6 % en 2027.", "6 %", None),
        ("La empresa Cóndor Cómputo levantará un campus de IA de 120 MW en Luján de Cuyo. Según el Ente Provincial Regulador Eléctrico, "
         "el consumo de los centros de datos en Mendoza llegará a 300 MW en 2030.", "300 MW", None),
    ],
)
def test_claims_subject_follows_who_the_text_is_about(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


def test_claims_towns_are_places_and_still_name_machines(extractor):
    """'Tauste', 'Ejea de los Caballeros' (GeoNames towns) are no organisations;
    'el supercomputador Quimbaya' is a machine though a town has that name."""
    article = extractor.extract(
        "Moncayo Digital invertirá 4.000 millones de euros en Ejea de los Caballeros y Tauste. El segundo campus ocupará "
        "88 hectáreas en el polígono de Tauste. La universidad instalará el supercomputador Quimbaya, que tendrá 64 GPU.", id="t")
    names = {(article.text[s.start : s.end], s.label) for s in article.spans if s.label in ("ORG", "PER", "HARDWARE")}
    assert names == {("Moncayo Digital", "ORG"), ("Quimbaya", "HARDWARE")}, names


def test_claims_places_an_article_makes_stay_places(extractor):
    """'el valle de Amarateca' makes 'la subestación Amarateca' a place too; a
    town known by a longer name is a place by its first word ('Ejea')."""
    article = extractor.extract(
        "El predio en el valle de Amarateca tendrá 12 MW. La ENEE advirtió que la subestación Amarateca opera al 78 % de "
        "su capacidad. El campus de Ejea de los Caballeros tendrá 150 MW. La potencia de Ejea pasará a 420 MW.", id="t")
    names = [article.text[s.start : s.end] for s in article.spans if s.label in ("ORG", "PER", "HARDWARE")]
    assert not {"Amarateca", "Ejea"} & set(names), names


def test_claims_a_firm_named_after_a_town(extractor):
    """'Altamira' alone is the firm 'Altamira Data Centers' the article named;
    'en Acajutla' is still the town that lent 'Acajutla AI Campus' its name."""
    article = extractor.extract(
        "La empresa Altamira Data Centers levantará un campus en Colina. Altamira firmó con Colbún un contrato por 15 años. "
        "La firma Acajutla AI Campus opera una antigua granja de bitcóin en Acajutla.", id="t")
    orgs = [(article.text[s.start : s.end], s.canonical) for s in article.spans if s.label == "ORG"]
    assert ("Altamira", "Altamira Data Centers") in orgs and "Acajutla" not in [t for t, _ in orgs], orgs


def test_claims_a_double_surname_is_one_mention(extractor):
    """'Ortiz Vélez' after 'Natalia Ortiz Vélez' is the person once, not two people."""
    article = extractor.extract(
        "La portavoz de la empresa, Natalia Ortiz Vélez, habló ayer. Ortiz Vélez indicó que la firma invertirá 5 millones de dólares.", id="t")
    people = [(article.text[s.start : s.end], s.canonical) for s in article.spans if s.label == "PER"]
    assert people == [("Natalia Ortiz Vélez", "Natalia Ortiz Vélez"), ("Ortiz Vélez", "Natalia Ortiz Vélez")]


@pytest.mark.parametrize(
    "head",
    [
        # a caption with its credit above the lead, a highlight box above a wire story, a bare-period dateline
        "La antigua planta que será convertida en centro de cómputo, en una imagen de archivo del mes pasado. (Archivo / El Centinela)\n",
        "- Ingresos del tercer trimestre de 1.32 mil millones de yuanes, arriba 240% año sobre año en la comparación\n",
        "",
    ],
)
def test_claims_the_lead_names_the_topic(extractor, head):
    """The lead is the first body paragraph, not a caption or a highlight; its
    company is what an unattributed figure further down is about."""
    text = ("Titular de la nota\n" + head + "TEGUCIGALPA. La empresa Nube Morazán Data Center firmó ayer con el Gobierno "
            "un convenio para construir un centro de datos en las afueras de la capital del país.\n"
            "La Secretaría de Energía y la alcaldía revisan los permisos.\nLa construcción, que tomará unos 30 meses, empleará a 1,100 trabajadores.")
    assert claims(extractor, text)["unos 30 meses"].subject == "Nube Morazán Data Center"


def test_claims_analysts_of_a_firm_are_not_its_figure(extractor):
    """'un pedido que analistas de Bernstein valoran en...': who estimates, not whose figure it is."""
    text = ("Meta firmó un acuerdo con AMD para comprar aceleradores Instinct MI355X durante dos años, un pedido que "
            "analistas de Bernstein valoran entre 25 y 30 millones de dólares.")
    assert claims(extractor, text)["entre 25 y 30 millones de dólares"].subject != "Bernstein"


def test_claims_a_works_name_and_a_tax_are_no_organisations(extractor):
    """'el cable submarino Pacífico Sur Digital' names a cable; 'el IGV' is a tax, a PUE a measure."""
    article = extractor.extract(
        "La llegada a Chancay del cable submarino Pacífico Sur Digital, prevista para 2027, atraerá centros de datos. "
        "La empresa Qhapaq Data pagará el IGV sobre 40 MW y operará con un PUE de 1,2, con fondos FEDER y del PERTE Chip.", id="t")
    assert [article.text[s.start : s.end] for s in article.spans if s.label == "ORG"] == ["Qhapaq Data"]


@pytest.mark.parametrize(
    "text, span",
    [
        # a unit after its number is no member of a list of companies
        ("Cammesa le asignó prioridad de despacho por 80 MW, y Energía Provincial Sociedad del Estado (EPSE) construirá un parque.", "80 MW"),
        # a province in brackets defines no acronym
        ("Un técnico revisa un centro de datos de 24 MW en Alcobendas (Madrid), en una imagen de archivo.", "24 MW"),
    ],
)
def test_claims_a_unit_never_becomes_a_name(extractor, text, span):
    article = extractor.extract(text, id="t")
    found = {article.text[s.start : s.end]: s.label for s in article.spans}
    assert found.get(span) == "QUANTITY" and "MW" not in found, found


def test_claims_a_body_reporting_a_register_is_not_its_subject(extractor):
    text = "La Secretaría de Energía tiene registrados 9 proyectos de centros de datos, informó la dependencia."
    assert claims(extractor, text)["9"].subject is None


def test_claims_a_compared_figure_does_not_move_the_focus(extractor):
    text = ("AMD tuvo el 8 % del mercado en 2024, frente al 85 % de NVIDIA. "
            "La empresa espera vender 300.000 aceleradores este año.")
    assert claims(extractor, text)["300.000"].subject == "AMD"


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # a noun that is the subject keeps a name in its apposition or clause out
        ("Equinix abrió su sede en Lima. La compañía, socia de Telefónica, declaró un consumo de 9 litros por segundo.", "9 litros por segundo", "Equinix"),
        # a whole sector's figure is nobody's in particular
        ("Iberdrola firmó con Merlin. El gasto eléctrico del sector rondaría los 700 GWh anuales.", "rondaría los 700 GWh anuales", None),
        # but 'de' + a name owns the noun
        ("La inversión de Meta alcanzará 10.000 millones de dólares.", "10.000 millones de dólares", "Meta"),
        # a sector noun ("la minera") points to the name it heads, however far back
        ("La Compañía Minera Escondida opera en Antofagasta. Scala Data Centers levantará un campus. El campus tendrá 300 MW. "
         "Microsoft alquilará la primera nave. La minera firmó un contrato por 15 años.", "15 años", "Compañía Minera Escondida"),
        # a sector noun ("la eléctrica") points to the name that says its sector
        ("Antaccasa firmó un contrato con Engie Energía Perú. La minera tendrá un centro de datos. Microsoft alquilará la primera nave. "
         "La eléctrica, que opera unos 2.500 MW en el país, respaldará el contrato.", "unos 2.500 MW", "Engie Energía Perú"),
    ],
)
def test_claims_subject_noun_phrases(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("El sindicato reclamó que el 60% de los empleos sean para vecinos de la comuna.", "60%"),
        ("La ordenanza obliga a la empresa a pagar 900 millones de pesos antes de construir.", "900 millones de pesos"),
        ("La primera sala, de 12 MW, debía entrar en servicio en 2025.", "12 MW"),
        ("El gobierno regional ha pedido al ministerio que reserve 400 MW para la industria.", "400 MW"),
    ],
)
def test_claims_what_is_asked_or_ordered_is_planned(extractor, text, anchor):
    assert claims(extractor, text)[anchor].modality == "planned"


def test_claims_an_infinitive_without_a_verb_of_will_is_not_a_plan(extractor):
    text = "La empresa usaba 14 turbinas para alimentar sus 20.000 GPU."
    assert claims(extractor, text)["20.000"].modality == "asserted"


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # a document of someone, introduced with an indefinite article or 'de acuerdo con'
        ("Iberdrola revisa el caso. Según un análisis del equipo técnico de la empresa, la tarifa subiría $9 al mes.", "$9 al mes", "Iberdrola"),
        ("Equinix construirá un campus. La capacidad pasará a 80 MW, de acuerdo con el cronograma que la compañía entregó al municipio.", "80 MW", "Equinix"),
        # an environmental study is its promoter's filing, named by its acronym too
        ("Equinix construirá un campus en Curauma. Según el EIA, el clúster demandaría hasta 210 MW en su fase final.", "hasta 210 MW", "Equinix"),
        ("Scala Data Centers levantará un campus en Hualpén. Según la DIA ingresada en marzo, la obra ocuparía a unos 900 trabajadores.", "unos 900", "Scala Data Centers"),
        # "Junta" inside the addressee's name is no noun standing for a body
        ("La Agencia Internacional de la Energía calcula que la demanda de los centros de datos se duplicará. Meta proyecta un campus "
         "en Talavera. La compañía prevé invertir unos mil millones de euros y, según el proyecto que presentó ante la Junta de "
         "Comunidades de Castilla-La Mancha, consumirá unos 665 millones de litros de agua al año.", "unos 665 millones de litros de agua al año", "Meta"),
        # who a paper went to, its partner and the aside on them are no owners
        ("La solicitud presentada ante Red Eléctrica y Endesa, la eléctrica controlada por Enel, suma 3 GW.", "3 GW", None),
        ("Las solicitudes presentadas ante Red Eléctrica y Endesa, la eléctrica controlada por Enel, suman 3 GW.", "3 GW", None),
    ],
)
def test_claims_documents_speak_for_their_owner(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # the last of a list of companies is no subject
        ("Según Bernstein, el gasto de las grandes nubes —Microsoft, Alphabet, Amazon y Meta— superará los 500.000 millones de dólares.", "superará los 500.000 millones de dólares", None),
        # a company named inside another's phrase is not what the figure is about
        ("Las solicitudes presentadas ante Red Eléctrica y Endesa, la eléctrica controlada por Enel, suman 3 GW.", "3 GW", None),
        # a market with a shared subject across two verbs
        ("El mercado chileno de nube facturó 900 millones de dólares en 2025 y crecería un 12 % anual.", "12 %", None),
    ],
)
def test_claims_lists_dependents_and_markets_have_no_single_subject(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # a chip's vendor is no referent of "la empresa"
        ("Scala Data Centers presentó el campus. En su primera fase, la compañía prevé instalar unos 16.000 aceleradores GB200 de Nvidia, informó la empresa en un comunicado.",
         "unos 16.000", "Scala Data Centers"),
        # nor is who the act was with
        ("Oracle firmó un acuerdo con Vistra por 1,2 GW de electricidad, dijo la compañía.", "1,2 GW", "Oracle"),
        # a name the article introduced in apposition with the noun
        ("Ganó la Unión Temporal Cómputo Soberano, el consorcio que forman dos firmas locales. AMD habría sido más barata, una diferencia que el consorcio cifra en $2.400 millones.",
         "$2.400 millones", "Unión Temporal Cómputo Soberano"),
        # a capitalised portfolio is no organisation: the person speaks
        ("La minera firmó un contrato por 15 años, confirmó a este medio su gerente de Energía, Rodrigo Baeza.", "15 años", "Rodrigo Baeza"),
        # documents named in two words, and a filing's addressee is not its author
        ("Andina Cómputo facturó $61.300 millones en 2025, según los estados financieros que la firma reportó a la Superintendencia de Sociedades.", "$61.300 millones", "Andina Cómputo"),
        ("Oracle presentó el proyecto. El campus usará hasta 45.000 galones por día, según una presentación ante la Comisión de Servicios Públicos de Texas.", "hasta 45.000 galones por día", "Oracle"),
        # a sentence opening on a verb of saying with no subject goes on with whom the one before named
        ("El ministro de Industria, Martín Pereyra, visitó la planta. Dijo que el emprendimiento podría generar 350 empleos.", "350", "Martín Pereyra"),
        # past a quote whose closing verb names no one, and the person rather than the firm she works for
        ("Para Paulina Tijerina Ocañas, consultora de la firma Vatio Norte Consultores, el problema es el ritmo. "
         "\"Nuevo León pasó de 250 megawatts a más de 2,100 megawatts\", explica. Estima que la demanda crecerá 6.5% anual hasta 2030.",
         "6.5%", "Paulina Tijerina Ocañas"),
        ("«Calculamos que el mercado alcanzará unos 50.000 millones de dólares», afirmó Huang, de Nvidia.", "unos 50.000 millones de dólares", "Huang"),
        # a "según" far after the figure, in another clause, does not take it from the speaker
        ("Silvia Arrieta Vindas, directora económica de la Cámara de Industrias de Costa Rica, dijo que la tarifa industrial subió un 11 % "
         "en dos años y pidió que lo recaudado, unos ₡20.000 millones anuales según cálculos de la cámara, rebaje la factura.", "11 %", "Silvia Arrieta Vindas"),
        # "el gremio" is the association named before, not the grid operator named last
        ("La Asociación Colombiana de Infraestructura Digital publicó su informe. XM lo recibió con cautela. "
         "El gremio, que agrupa a 38 operadores, estima que la capacidad pasará de 240 megavatios a 1.050 MW.",
         "1.050 MW", "Asociación Colombiana de Infraestructura Digital"),
        # a report named by its title, with who made it after it
        ("La firma Nodo Andino abrió su campus. La demanda de los centros de datos pasó de 780 GWh en 2022 a 1.310 GWh en 2025, según el informe “Infraestructura digital y energía”, "
         "que presentó ayer la Asociación Colombiana de Infraestructura Digital (Asoinfra).", "780 GWh", "Asociación Colombiana de Infraestructura Digital"),
        # "el organismo" is a body of the state, not the party named last
        ("Servicios de Agua y Drenaje de Monterrey (SADM) recibirá los balances. La propuesta la firman Claudia Rangel, de Morena, "
         "y Javier Buentello, del PRI.\nSADM distribuye 17,800 litros por segundo, según datos del organismo.",
         "17,800 litros por segundo", "Servicios de Agua y Drenaje de Monterrey"),
        # figures that "show" something speak for whoever keeps them
        ("Las cifras de la Agencia de Regulación y Control de las Telecomunicaciones (Arcotel) a junio muestran que Conectia tiene 431.200 cuentas.",
         "431.200", "Agencia de Regulación y Control de las Telecomunicaciones"),
        # the posts of elected people and the civic bodies the press names them by
        ("La diputada Laura Beltrán Ochoa pidió cuentas. La legisladora recordó que el presupuesto cayó 9,6 % este año.", "9,6 %", "Laura Beltrán Ochoa"),
        ("El concejal Sebastián Londoño Vélez citó a EPM. Según el cabildante, la tarifa subió de $633 a $905 por kWh.", "$905 por kWh", "Sebastián Londoño Vélez"),
        ("Ecologistas en Acción presentó un informe. El colectivo calcula que el campus evaporaría 2,6 hectómetros cúbicos al año.",
         "2,6 hectómetros cúbicos al año", "Ecologistas en Acción"),
    ],
)
def test_claims_who_speaks_through_references_and_documents(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_a_company_named_by_its_head_office_town(extractor):
    text = ("Microsoft negocia con la promotora Henares Nube S.L. Fuentes conocedoras aseguran que el gigante de Redmond "
            "habría ofrecido un arrendamiento por los primeros 48 MW.")
    assert claims(extractor, text)["48 MW"].subject == "Microsoft"


def test_claims_a_vehicles_figures_and_words_are_its_parents(extractor):
    text = ("MEJILLONES.- Pampa Digital SpA, filial de la brasileña Scala Data Centers, presentó un campus de US$ 900 millones. "
            "En su primera fase, la compañía instalará 40 MW, informó la empresa en un comunicado.")
    found = claims(extractor, text)
    assert found["US$ 900 millones"].subject == "Scala Data Centers"
    assert (found["40 MW"].subject, found["40 MW"].source) == ("Scala Data Centers", "Scala Data Centers")


def test_claims_a_possessive_document_looks_ahead_to_the_clause_subject(extractor):
    text = ("Oracle construirá un campus en Chile y comprará energía a varias eléctricas. "
            "Según su memoria anual, Iberdrola vendió 4.300 GWh en 2025.")
    assert claims(extractor, text)["4.300 GWh"].source == "Iberdrola"


def test_claims_a_wire_story_further_down_is_not_the_lead(extractor):
    text = ("La promotora Henares Nube S.L. ha registrado el plan especial de un campus de centros de datos de 300 MW junto a la autovía del Henares.\n"
            "MADRID, 13 mar (EUROPA PRESS) - El Gobierno de la Comunidad de Madrid ha declarado el campus proyecto de interés regional y Microsoft negocia el alquiler.\n"
            "La primera fase tendrá 96 MW repartidos en cuatro edificios.")
    assert claims(extractor, text)["96 MW"].subject == "Henares Nube"


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        ("La Empresa Provincial de Energía de Córdoba (EPEC) debe ampliar la red. Desde la distribuidora estimaron que la obra costaría unos $ 95.000 millones.",
         "unos $ 95.000 millones", "Empresa Provincial de Energía de Córdoba"),
        ("Lo aseguró la ministra Adriana Chaparro Rincón, quien precisó que la mitad de las horas se reservará para universidades.", "mitad", "Adriana Chaparro Rincón"),
        ("NVIDIA vende chips. El fabricante de chips, que la semana pasada reportó ingresos de 51.200 millones de dólares, invierte.", "51.200 millones de dólares", "NVIDIA"),
        ("Según datos de la Comisión Nacional de los Mercados y la Competencia (CNMC), los centros consumieron 1,9 TWh. La CNMC calcula que esa cuota superará el 5 % antes de 2030.",
         "superará el 5 %", "National Commission on Markets and Competition"),
        ("Scala Data Centers presentó el campus. La masa salarial se estima en CLP 96.000 millones, según el expediente ingresado al SEA.", "CLP 96.000 millones", "Scala Data Centers"),
        # the person named after a comma at the end of the speaker's title, however the parse hung the name
        ("La primera fase arrancará en el segundo semestre con una carga de 24 MW, explicó el director de la filial salvadoreña, Thomas Whitaker.",
         "24 MW", "Thomas Whitaker"),
        # "situar ... en" states a valuation; a fronted adjective is no speaker, the person after it is
        ("En Ribera Capital Markets, el analista Héctor Aldecoa sitúa el valor razonable de Orbalia en 14,10 euros por acción.",
         "14,10 euros por acción", "Héctor Aldecoa"),
        ("Más cauta, Paula Mondéjar, de Altozano Valores, recuerda que el múltiplo implícito, de unas 19 veces ebitda, supera en unos cuatro puntos al de las cotizadas europeas.",
         "unos cuatro", "Paula Mondéjar"),
        # "el organismo" is the body that last acted, not one only named after "ante" since
        ("El Banco Central de Chile dedicó un recuadro de su informe a los centros de datos. Según el documento, presentado ante la Comisión de Hacienda, "
         "la inversión sumaría 11.000 millones de dólares. Al tipo de cambio actual, son unos 10 billones de pesos. "
         "El organismo estima que estas obras representarían cerca del 4% de la inversión.", "cerca del 4%", "Central Bank of Chile"),
        # "el documento" with no owner in its phrase is the paper named before, its owner's word
        ("Orbalia Data Centers saldrá a bolsa en octubre. Entre los factores de riesgo, el folleto de Orbalia advierte de retrasos en la red. "
         "El documento añade que los tres mayores clientes concentran el 61% de la facturación.", "61%", "Orbalia Data Centers"),
        # "según" and a post: the person the post introduces speaks, not the body
        ("Según el gerente técnico de la ANDE, Derlis Maidana Ortiz, la carga entrará en tres etapas de 40 MW.", "40 MW", "Derlis Maidana Ortiz"),
        # a verb after "y" with no subject of its own goes on with what was said
        ("Marcus Hale dijo que la compañía opera alrededor de 22,000 GPU en cuatro centros de datos, y planea terminar 2026 con más de 70,000.",
         "más de 70,000", "Marcus Hale"),
        # but not after a report of a figure, which says nothing of what follows
        ("Canalnube reportó ingresos de US$312 millones en 2025, un 22% más que en 2024, y opera 48 MW en cuatro edificios.", "48 MW", None),
        # a member named after the constituency they sit for, an aside after the name
        ("El diputado por Olancho Marcos Bertrand Fiallos, del Partido Nacional, defendió el proyecto y aseguró que generará 1,400 empleos.",
         "1,400", "Marcos Bertrand Fiallos"),
        # a figure after the verb that closes a quotation tells of the speaker or the telling
        ("«Con 38 grados adentro no se puede dormir», contó la vecina Yusmary Fernández, de 41 años.", "41 años", None),
        ("«Los centros de datos pasaron de ser un cliente marginal», dijo el gerente general, Rodrigo Salazar Benalcázar, "
         "ante unas 300 personas.", "unas 300", None),
        # unless a clause of its own follows the verb
        ("«Crecimos mucho», dijo Ana Pérez, y agregó que la planta tendrá 300 empleados.", "300", "Ana Pérez"),
    ],
)
def test_claims_speakers_from_desde_relatives_acronyms_and_filings(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


@pytest.mark.parametrize(
    "text, anchor, modality",
    [
        # a verb phrase cue counts where its verb governs the number, not in the next clause
        ("La firma ya opera un centro de datos de 18 MW y espera que su cartera alcance los 500 MW en 2030.", "18 MW", "asserted"),
        # announcing works or spending plans them; announcing results reports them
        ("Un operador, Nazca Datos, anunció en 2024 un campus de 120 MW en Huaral.", "120 MW", "planned"),
        ("La firma, que anuncia una inversión de 900 millones de euros, busca socios.", "900 millones de euros", "planned"),
        ("La firma anunció ingresos de 45 millones de euros en el trimestre.", "45 millones de euros", "asserted"),
        # a conditional is read from its form ("extraerían", "requeriría"), whatever the model's tag;
        # "requería" is an imperfect that only looks like one
        ("Las torres de enfriamiento extraerían hasta 45 litros por segundo.", "hasta 45 litros por segundo", "estimated"),
        ("Según la organización, el enfriamiento requeriría hasta 900,000 litros de agua diarios en la época seca.", "hasta 900,000 litros de agua diarios", "estimated"),
        ("La obra requería 20 MW en 2020.", "20 MW", "asserted"),
        # but an anonymous speaker described in a relative clause makes the report alleged
        ("Un funcionario que pidió el anonimato reconoció que la interconexión quedará en 45 MW.", "45 MW", "alleged"),
        # nobody decides a market's future: a forecast
        ("Según la consultora, el mercado de centros de datos crecerá 14 % al año hasta 2030.", "14 %", "estimated"),
        ("El consumo del sector sumará entre 1.200 y 1.400 MW en 2030.", "entre 1.200 y 1.400 MW", "estimated"),
        # a government decides: a plan
        ("El ministro agregó que la provincia cederá 1.200 hectáreas fiscales.", "1.200 hectáreas", "planned"),
        # money committed is money given
        ("El Gobierno Regional comprometió UF 95.000 para un centro de formación.", "UF 95.000", "asserted"),
        # what is counted is what a future act will make
        ("La consejera cifró en 1.200 los empleos directos que generará el complejo.", "1.200", "planned"),
        # what is already so, inside a plan, is asserted
        ("El ejecutivo dijo que la latencia hacia Asia, hoy de unos 240 milisegundos, bajará a cerca de 150.", "unos 240 milisegundos", "asserted"),
        ("La firma levantará su campus en Chancay y ya reservó 30 MW en la subestación.", "30 MW", "asserted"),
        # a future opening a quote, which the small model reads as a name or an imperfect; not a present or a country
        ('"Nube Cantera necesitaba un socio", dijo el director ejecutivo, Tobias Reinholt. "Terminaremos 2026 con más de 200,000 GPU '
         'en línea en toda nuestra flota."', "más de 200,000", "planned"),
        ('"Terminaremos 2026 con más de 200,000 GPU en línea."', "más de 200,000", "planned"),
        ('"Queremos 300 MW más en la red", dijo el director.', "300 MW", "asserted"),
        ("Teherán compró 300 millones de dólares en chips.", "300 millones de dólares", "asserted"),
    ],
)
def test_claims_modality_of_clauses_markets_and_commitments(extractor, text, anchor, modality):
    assert claims(extractor, text)[anchor].modality == modality


def test_claims_orgs_hold_the_subject_named_outside_the_clause(extractor):
    """The source is left out of orgs unless it is also the subject; then it is in, wherever the sentence names it."""
    text = "Oracle construirá un campus en Texas de 200 MW. La compañía cubrirá 40 MW con el acuerdo; el resto se comprará en el mercado spot, precisó Oracle en un comunicado."
    found = claims(extractor, text)["40 MW"]
    assert (found.subject, found.orgs) == ("Oracle", ["Oracle"])


@pytest.mark.parametrize(
    "lead",
    [
        # a scene first; the company acts in the lead paragraph's next sentence
        "La vieja explanada de graneles del puerto tiene nuevo pretendiente. El puerto y la promotora Robledal Data Campus S.L. "
        "firmaron ayer un protocolo que le reserva 38 hectáreas durante 18 meses.",
        # a small town's dateline closed by a period, then the lead
        "ALCOLEJA. El campus que la firma Robledal Data Campus quiere levantar junto a la autovía ya tiene enchufe.",
    ],
)
def test_claims_a_lead_that_opens_on_a_scene_or_a_village_still_names_the_topic(extractor, lead):
    text = "El puerto abre la puerta a un campus de IA\n" + lead + "\nLa primera fase sumará 60 MW en 2028."
    assert claims(extractor, text)["60 MW"].subject == "Robledal Data Campus"


@pytest.mark.parametrize(
    "second",
    [
        "Sus tres fabricantes son SK Hynix, Samsung y Micron.",  # listed after a copula
        "Morgan Stanley calcula que la memoria subirá un 40 %.",  # an analyst who estimates
    ],
)
def test_claims_who_speaks_or_is_listed_in_the_lead_is_no_topic(extractor, second):
    text = ("La memoria escasea\nLa demanda de cómputo no deja de crecer en España, pero el cuello de botella ya no está en los procesadores. "
            + second + "\nEl proyecto de ampliación costará 95 millones de euros.")
    assert claims(extractor, text)["95 millones de euros"].subject is None


def test_claims_a_project_is_whose_the_relative_clause_says(extractor):
    """'según el proyecto que el operador ha remitido': the operator's project,
    whatever company the article is about."""
    text = ("ALCOLEJA. El campus que la firma Robledal Data Campus quiere levantar ya tiene enchufe. Red Eléctrica concedió a la promotora 180 MW.\n"
            "Para ello, Red Eléctrica ampliará la subestación. La actuación costará 18,6 millones de euros, "
            "según el proyecto que el operador ha remitido al ministerio.")
    assert claims(extractor, text)["18,6 millones de euros"].subject == "Red Eléctrica"


def test_claims_the_one_company_of_the_lead_is_the_topic(extractor):
    text = ("HOUSTON — La Corte de Comisionados del condado aprobó el martes una reducción de impuestos para Gulf Coast Compute Partners LLC, "
            "la empresa que planea construir un campus de IA.\nLa planta tendrá tres turbinas y 900 MW.")
    assert claims(extractor, text)["900 MW"].subject == "Gulf Coast Compute Partners"


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # the consortium a noun introduces, not the firm that leads it, is the lead's company
        ("El Ministerio de Ciencia adjudicó este martes al consorcio Nodo Caribe, liderado por la barranquillera Caribe Cómputo S.A.S., un contrato de diez años.\n"
         "El centro demandará hasta 6 MW en su primera etapa.", "hasta 6 MW", "Nodo Caribe"),
        # an obligation on a generic object is the obliging body's figure
        ("El Gobierno Vasco prepara un decreto que obligará a los nuevos centros de datos a recuperar al menos el 30% de su calor residual.", "al menos el 30%", "Basque Government"),
    ],
)
def test_claims_subject_of_introduced_consortia_and_obligations(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        ("El consejero de Industria, Iñigo Zabaleta, compareció en el Parlamento. «Tenemos demanda real para 700 MW antes de 2030», ha señalado.",
         "700 MW", "Iñigo Zabaleta"),
        ("El centro compró 4.000 GPU H200 de Nvidia. Cada H200 ofrece 141 GB de memoria, según las especificaciones del fabricante.", "141 GB", "NVIDIA"),
    ],
)
def test_claims_quotes_closed_without_subject_and_the_chips_maker(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_the_company_of_a_known_person(extractor):
    text = "El proyecto fue presentado ante la Junta. La compañía de Mark Zuckerberg prevé invertir unos mil millones de euros en Talavera."
    assert claims(extractor, text)["unos mil millones de euros"].subject == "Meta"


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        ("Oracle abrirá un campus. La Municipalidad de Lampa calcula que recibirá unos $2.300 millones al año por patentes.", "unos $2.300 millones al año", "Municipalidad de Lampa"),
        # a plural verb is not the singular speaker's own act
        ("Oracle abrirá un campus. Red Eléctrica estima que los centros llegarán al 12 % de la demanda en 2030.", "12 %", None),
    ],
)
def test_claims_a_speaker_reporting_its_own_act(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


def test_claims_where_a_paper_was_published_is_not_its_author(extractor):
    text = ("La Secretaría de Energía (Sener) presentó el plan. Según el pliego que la Sener publicó en el Diario Oficial de la Federación (DOF), "
            "los campus de más de 50 MW estarán obligados a cubrir al menos 30% de su consumo.")
    assert claims(extractor, text)["al menos 30%"].source == "Secretariat of Energy"


def test_claims_a_sol_amount_keeps_its_thousands(extractor):
    found = claims(extractor, "Qhapaq Data Centers construirá un campus. La compañía invertirá S/ 1.150 millones en una primera fase.")
    assert (found["S/ 1.150 millones"].value, found["S/ 1.150 millones"].unit) == (1.15e9, "PEN")


@pytest.mark.parametrize(
    "text, anchor, field, expected",
    [
        # a demand is its demander's word and a plan, whatever mood the model reads
        ("La Asociación Mexicana de Data Centers (MEXDC) pide que la CFE reserve 2,000 MW de capacidad para el sector.", "2,000 MW", "source", "Asociación Mexicana de Data Centers"),
        ("La Asociación Mexicana de Data Centers (MEXDC) pide que la CFE reserve 2,000 MW de capacidad para el sector.", "2,000 MW", "modality", "planned"),
        # a report names its author right after its noun
        ("Qhapaq Data Centers construye un campus. Un informe de la consultora Arizmendi Partners proyecta que el mercado peruano alcance unos US$ 1.200 millones en 2030.",
         "unos US$ 1.200 millones", "source", "Arizmendi Partners"),
        # a state utility is what "la eléctrica" points at
        ("La Comisión Federal de Electricidad (CFE) invertirá en la red. La eléctrica detalló que 1,100 millones se destinarán a una subestación.",
         "1,100 millones", "source", "Federal Electricity Commission"),
    ],
)
def test_claims_demands_reports_and_state_utilities(extractor, text, anchor, field, expected):
    assert getattr(claims(extractor, text)[anchor], field) == expected


@pytest.mark.parametrize(
    "text, anchor, absent",
    [
        ("Andina Cómputo facturó $61.300 millones en 2025, según los estados financieros que la firma reportó a la Superintendencia de Sociedades.",
         "$61.300 millones", "Superintendencia de Sociedades"),
        ("Para Jorge Ríos Campos, socio de la consultora limeña Intelecta Consultores, el mercado peruano facturó unos US$ 240 millones en 2025.",
         "unos US$ 240 millones", "Intelecta Consultores"),
        # the organisation of the speaker's post, before the name or after it, and the body it hangs from
        ("La Comunidad de Madrid aprobó un plan de redes. “La región concentra el 62 % de la potencia instalada”, advirtió el director general de Iberdatos Alianza, Fermín Olazábal Ruiz.",
         "62 %", "Iberdatos Alianza"),
        ("Marisol Quezada Ortiz, titular de la Secretaría de Innovación Económica (SIE) del Gobierno de Chihuahua, dijo que la obra generará mil 800 empleos.",
         "mil 800", "Government of Chihuahua"),
        ("Marisol Quezada Ortiz, titular de la Secretaría de Innovación Económica (SIE) del Gobierno de Chihuahua, dijo que la obra generará mil 800 empleos.",
         "mil 800", "Secretaría de Innovación Económica"),
        ("La gerente de Recursos Hídricos del Instituto de Aguas del Valle (IAV), Elsa Quirós Mora, indicó que un centro de 20 MW gasta hasta 400 metros cúbicos diarios.",
         "hasta 400 metros cúbicos diarios", "Instituto de Aguas del Valle"),
    ],
)
def test_claims_orgs_leave_out_who_says_so_and_their_papers(extractor, text, anchor, absent):
    assert absent not in claims(extractor, text)[anchor].orgs


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("Qhari Datos construirá un centro de datos en Arequipa. Para Diego Salaverry, economista de la consultora Andescopio, la inversión del sur podría sumar US$ 1.150 millones.",
         "US$ 1.150 millones"),
        ("Qhari Datos construirá un centro de datos en Arequipa. Para Diego Salaverry, socio de Andescopio (AND), la inversión del sur podría sumar US$ 1.150 millones.",
         "US$ 1.150 millones"),
    ],
)
def test_claims_an_outside_speakers_firm_is_not_what_the_figure_is_about(extractor, text, anchor):
    assert claims(extractor, text)[anchor].subject is None


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # an analyst's consultancy does not come into view: the figure is nobody's
        ("Qhari Datos construirá un centro de datos en Arequipa. Diego Salaverry Ponce, economista de la consultora Andescopio, "
         "estimó que la inversión del sur podría sumar US$ 1.150 millones.", "US$ 1.150 millones", None),
        # an officer's firm does: what its chief executive reckons is about it
        ("Nimbo Sur abrirá un centro en Quito. El consejero delegado de Lusitel, Tiago Meireles, calcula que la latencia bajará a unos 19 milisegundos.",
         "unos 19 milisegundos", "Lusitel"),
    ],
)
def test_claims_a_speakers_post_brings_an_officers_firm_into_view_not_an_analysts(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # a research head speaks about the firm he covers: "la empresa" is that firm, not his brokerage
        ("Tlaloc Datos presentó su plan de expansión a la bolsa. Rigoberto Anaya, director de análisis de Casa Valles, "
         "advirtió que la empresa tendrá que desembolsar cerca de US$ 600 millones este año.", "cerca de US$ 600 millones", "Tlaloc Datos"),
        # a coordinator speaks for the body of the post, as a director does
        ("La Red Vecinal por el Agua presentó un estudio sobre el acuífero. La coordinadora de la Red Vecinal, Regina Solís, "
         "dijo que el organismo pagó 480 mil pesos por el estudio.", "480 mil pesos", "Red Vecinal por el Agua"),
    ],
)
def test_claims_an_analysts_firm_is_not_the_one_la_empresa_means(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


def test_claims_an_organisation_before_a_subjectless_verb_after_a_fronted_phrase_is_its_subject(extractor):
    """'Para apoyar a las pymes, el Gobierno ... emitió': the small model hangs the name on the fronted phrase."""
    text = ('Para apoyar a las pequeñas y medianas empresas, el Gobierno Popular Provincial de Sichuan emitió "bonos de cómputo" '
            "por valor de 300 millones de yuanes, que pueden cubrir hasta el 20 por ciento del costo de alquiler. Según el plan de acción "
            "de economía digital de la provincia, para 2028 la potencia de cálculo total de Sichuan superará 12.000 PFlops.")
    assert claims(extractor, text)["300 millones de yuanes"].subject == "Gobierno Popular Provincial de Sichuan"


def test_claims_an_organisation_after_a_comma_and_y_then_a_relative_clause_is_the_verbs_subject(extractor):
    """'..., y la valenciana Nodalia, que construirá el nodo, ha comprometido 380 millones': the small model
    makes the name a conjunct of the first clause's verb; "la compañía" next is that firm too."""
    text = ("Según Oyarzun, la Sociedad Española para la Transformación Tecnológica (SETT) aportará 900 millones en préstamos participativos, "
            "y la valenciana Nodalia Infraestructuras, que construirá el primer nodo privado en Sagunto, ha comprometido 380 millones. "
            "La compañía prevé crear 420 empleos.")
    found = claims(extractor, text)
    assert found["380 millones"].subject == "Nodalia Infraestructuras"
    assert found["420"].subject == "Nodalia Infraestructuras"


def test_claims_el_ente_may_mean_a_state_owned_company(extractor):
    """'la estatal Antel ... El ente estima ingresos de...': a state-owned company is what "el ente" means, not the topic firm."""
    text = ("Un consorcio integrado por la portuguesa Lusomar Cabos firmó con la estatal Antel el acuerdo para desembarcar un cable submarino. "
            "Lusomar Cabos invertirá 290 millones de dólares en el cable. Antel tendrá una participación del 20 % en el consorcio. "
            "El ente estima ingresos de unos 18 millones de dólares anuales a partir de 2028.")
    assert claims(extractor, text)["unos 18 millones de dólares anuales"].subject == "Antel"


@pytest.mark.parametrize("noun", ["jerarca", "magistrada", "perito"])
def test_claims_a_post_noun_after_the_quote_is_the_person_named_before(extractor, noun):
    """'..., afirmó el jerarca, quien añadió que...': the official named before says what follows too."""
    text = ("La estatal aportará el terreno, explicó su presidente, Martín Larrosa Píriz. La obra se presentó ayer en Rocha. "
            f'"Con este cable la capacidad crecerá", afirmó el {noun}, quien añadió que la latencia se reducirá de 190 a unos 110 milisegundos.')
    assert claims(extractor, text)["unos 110 milisegundos"].source == "Martín Larrosa Píriz"


def test_claims_a_figure_in_what_an_estimator_reports_is_not_the_estimators(extractor):
    """'estima que el sector da empleo a unas 7.300 personas': the figure is inside the reported clause,
    even where the small model reads its verb 'da' as a preposition."""
    text = ("Red Eléctrica publicó ayer su informe anual sobre la red. "
            "La consultora Ostrand Partners estima que el sector da empleo directo a unas 7.300 personas.")
    found = claims(extractor, text)["unas 7.300"]
    assert found.source == "Ostrand Partners" and found.subject is None


def test_claims_orgs_keep_the_speakers_organisation_when_the_figure_is_its_own(extractor):
    text = "El gerente general de Guaraní Cómputo, Rubén Espínola, dijo que Guaraní Cómputo invertirá US$ 40 millones en el campus."
    found = claims(extractor, text)["US$ 40 millones"]
    assert found.subject == "Guaraní Cómputo" and "Guaraní Cómputo" in found.orgs


def test_claims_a_reference_noun_inside_another_name_does_not_point_at_it(extractor):
    text = ("El campus se conectará a la red del Consejo de Confiabilidad Eléctrica de Texas (ERCOT) mediante una línea que construiría CenterPoint Energy. "
            "La eléctrica estima el costo de la línea en 310 millones de dólares.")
    assert claims(extractor, text)["310 millones de dólares"].subject == "CenterPoint Energy"


def test_claims_a_transcripts_speaker_labels_name_who_says_each_line(extractor):
    """'FERRÉS:' opens what Gonzalo Ferrés, named earlier, says; the interviewer's label names no one of the page."""
    text = (
        "Natalia Urrutia conversó con Gonzalo Ferrés, director ejecutivo de la agencia de gobierno electrónico.\n"
        "PERIODISTA: ¿Cuánto sale? Hay quien habla de 300 millones de dólares.\n"
        "FERRÉS: La primera etapa le va a costar a Antel 64 millones de dólares.\n"
    )
    found = claims(extractor, text)
    assert found["64 millones de dólares"].source == "Gonzalo Ferrés"
    assert found["300 millones de dólares"].source is None


def test_claims_a_reproduced_press_release_is_the_governments_word(extractor):
    """Figures inside a reproduced release are the issuing government's unless someone in it says them;
    the outlet's paragraph after the closing mark is not."""
    text = (
        "Reproducimos el comunicado del Gobierno de Hidalgo.\nBoletín 245/2026\n"
        "Pachuca, 9 de marzo de 2026.- La empresa Veltrano Digital invertirá 1,350 millones de dólares en el campus.\n"
        "–o0o–\n"
        "Los vecinos calculan que el campus usará 40 litros por segundo.\n"
    )
    found = claims(extractor, text)
    assert found["1,350 millones de dólares"].source == "Government of Hidalgo"
    assert found["40 litros por segundo"].source != "Government of Hidalgo"

def test_claims_the_company_an_officer_speaks_of_is_the_officers_own(extractor):
    """'Hale dijo que la compañía opera 22.000 GPU': the firm its chief executive
    runs, not the utility the sentence before named."""
    text = ("Redstone Compute levantará un campus de 1,2 GW en Rockdale. "
            "La energía vendrá de Oncor, que dijo ante el regulador que construirá una subestación de 345 kV. "
            "\"Los clientes pagan 20 % por adelantado\", dijo el director ejecutivo de Redstone Compute, Marcus Hale. "
            "Hale dijo que la compañía opera actualmente alrededor de 22.000 GPU en cuatro centros de datos.")
    assert claims(extractor, text)["alrededor de 22.000"].subject == "Redstone Compute"


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # a paper whose verb carries the figure speaks for the one its phrase names
        ("La firma Yatay Datos pidió entrar al RIGI. El plan de inversiones que la compañía entregó al Ministerio de Economía de la Nación destina "
         "US$ 2.050 millones de esos US$ 2.400 millones a equipos importados: el 85 %.", "US$ 2.050 millones", "Yatay Datos"),
        # a paper of two parties is neither's word
        ("Almagra Digital negocia con la Mancomunidad de los Canales del Taibilla. El borrador del convenio entre Almagra Digital "
         "y la Mancomunidad fija un precio de 0,95 euros por metro cúbico.", "0,95 euros por metro cúbico", None),
        # a listed firm's filing to the market regulator
        ("Telefónica crea una empresa conjunta. La sociedad nace con una inversión de 2.000 millones de euros, de acuerdo con el "
         "hecho relevante remitido a la CNMV.", "2.000 millones de euros", "Telefónica"),
    ],
)
def test_claims_a_paper_speaks_for_its_owner_as_a_clause_subject(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_a_body_s_document_the_outlet_reproduces_is_that_body_s_word(extractor):
    """'Reproducimos el documento de la ASEP.' down to '—Fin del documento—': the regulator's word;
    the outlet's own lines after the closing mark are not."""
    text = ("La ASEP publicó las reglas de la nueva tarifa.\n"
            "Reproducimos el documento de la Autoridad Nacional de los Servicios Públicos (ASEP).\n"
            "¿Cuánto pagará un centro de datos?\n"
            "El cargo por demanda será de B/.16.40 por kW contratado.\n"
            "—Fin del documento—\n"
            "Los operadores piden una transición de 24 meses.\n")
    found = claims(extractor, text)
    assert found["B/.16.40 por kW"].source == "Autoridad Nacional de los Servicios Públicos"
    assert found["24 meses"].source is None


def test_claims_a_listed_company_s_filing_the_outlet_reproduces_is_its_word(extractor):
    """'Reproducimos a continuación el evento relevante de la compañía:' hands over to the company the noun points back to."""
    text = ("Tlaloc Centros de Datos, que cotiza en la Bolsa Mexicana de Valores (BMV), firmó un arrendamiento. "
            "Reproducimos a continuación el evento relevante de la compañía:\n"
            "EVENTO RELEVANTE\n"
            "El contrato tiene una vigencia forzosa de 15 años y ampara 72 MW de capacidad de TI.\n"
            "-FIN-\n"
            "Los analistas esperan un alza de 12% en sus ingresos.\n")
    found = claims(extractor, text)
    assert found["15 años"].source == "Tlaloc Centros de Datos"
    assert found["72 MW"].source == "Tlaloc Centros de Datos"
    assert found["12%"].source != "Tlaloc Centros de Datos"


def test_claims_an_open_letter_the_outlet_reproduces_is_its_sender_s_word(extractor):
    """'La Asociación ... envió una carta al Gobierno ... A continuación, el texto íntegro de la carta:':
    the sender's word, not the addressee's, though the addressee is a government."""
    text = ("La Asociación de Operadores de Nube del Caribe envió el lunes una carta al Gobierno de Panamá sobre el suministro eléctrico. "
            "A continuación, el texto íntegro de la carta:\n"
            "Señor Presidente:\n"
            "Nuestros socios operan nueve centros de datos con 52 MW contratados.\n"
            "Le pedimos que licite al menos 300 MW de generación firme antes de 2027.\n")
    found = claims(extractor, text)
    assert found["52 MW"].source == "Asociación de Operadores de Nube del Caribe"
    assert found["al menos 300 MW"].source == "Asociación de Operadores de Nube del Caribe"


def test_claims_a_newswire_release_is_the_issuing_company_s_word(extractor):
    """A company's release a newswire distributes is the company's word, unless someone in it says the figure;
    the site's text after "FUENTE" is not."""
    text = ("Caddo Forge Compute Rompe Tierra en Campus de IA en Texas\n"
            "Noticias proporcionadas por\nCaddo Forge Compute, Inc.\n14 oct, 2025, 08:00 ET\n"
            "MEXIA, Texas, 14 de octubre de 2025 /PRNewswire/ -- El campus contará con ocho edificios de 75 MW cada uno.\n"
            "\"Esperamos energizar el primer edificio en menos de nueve meses\", dijo Wendell Ashcombe, Director Ejecutivo.\n"
            "FUENTE Caddo Forge Compute, Inc.\n"
            "Otros tres proyectos suman 900 MW en la región.\n")
    found = claims(extractor, text)
    assert found["ocho"].source == "Caddo Forge Compute"
    assert found["menos de nueve meses"].source == "Wendell Ashcombe"
    assert found["900 MW"].source is None


def test_claims_a_readers_letter_is_its_signers_word(extractor):
    """On an opinion page's letters, each letter's figures take the person who
    signs it; the editorial above them is the outlet's own voice."""
    text = ("La ANDE propone una suba del 37 % para los centros de datos.\n"
            "Cartas de lectores\n"
            "Los números de una granja\n"
            "Una granja de criptominería de 60 MW consume unos 43.000 MWh al mes.\n"
            "Aníbal Ortiz Benegas, Presidente Franco\n"
            "No todo es bitcoin\n"
            "Mi empresa aloja sus servidores en un centro de datos local de 1,2 MW.\n"
            "Rosa Villalba de Cáceres, Encarnación\n")
    found = claims(extractor, text)
    assert found["37 %"].source is None
    assert found["60 MW"].source == "Aníbal Ortiz Benegas"
    assert found["1,2 MW"].source == "Rosa Villalba de Cáceres"


@pytest.mark.parametrize("opening", ["Opinión › Cartas de lectores\n", "Señor director: "])
def test_claims_letters_open_on_a_breadcrumb_or_a_salutation(extractor, opening):
    text = ("El río, en debate\n"
            f"{opening}la planta produce unos 430.000 metros cúbicos por día y la demanda supera los 500.000.\n"
            "Celestino Gauto Brítez\n"
            "Mariano Roque Alonso\n")
    assert claims(extractor, text)["unos 430.000 metros cúbicos por día"].source == "Celestino Gauto Brítez"


def test_claims_an_estimate_cue_in_a_later_statement_is_not_the_figures(extractor):
    """'dijo que la tarifa subió un 11 % ... y pidió que lo recaudado, unos ₡20.000 millones
    según cálculos de la cámara, ...': the 11 % is asserted; the estimate is the later sum's."""
    text = ("Silvia Arrieta, directora económica de la Cámara de Industrias, dijo que la tarifa industrial subió un 11 % en dos años "
            "y pidió que lo recaudado, unos ₡20.000 millones anuales según cálculos de la cámara, rebaje la factura.")
    found = claims(extractor, text)
    assert found["11 %"].modality == "asserted"
    assert found["unos ₡20.000 millones anuales"].modality == "estimated"


def test_claims_paying_in_advance_is_no_statement(extractor):
    """'adelantar' states something only before 'que' ('adelantó que...'); 'adelantará los
    $42.000 millones' pays them in advance, so the payer does not become the source."""
    text = "Hornero Cloud adelantará los $42.000 millones que costará la obra y los recuperará con descuentos en la factura."
    assert claims(extractor, text)["$42.000 millones"].source is None


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # a title with a phrase of its own before the name it introduces
        ("Boricua Compute instalará dos turbinas. El centro podría operar aislado durante unas 36 horas, según el ingeniero del proyecto, "
         "Javier Torres Santiago.", "unas 36 horas", "Javier Torres Santiago"),
        # ... or an adjective of its own ("director general")
        ("Según su director general, Rafael Mendoza Pérez, la firma invirtió 14 millones de dólares en la reconversión.",
         "14 millones de dólares", "Rafael Mendoza Pérez"),
        # a person whose given name is a Latin-American short form ("Marilú")
        ("La subvención cubrirá la formación de 300 estudiantes graduados, informó la presidenta de la UPR, Marilú Cabrera Vélez.",
         "300", "Marilú Cabrera Vélez"),
        # an amount restated in another currency is part of what is said, no aside about the speaker
        ("Según su director general, Rafael Mendoza Pérez, la firma invirtió 14 millones de dólares. \"Un megavatio deja unos 45.000 "
         "dólares al mes\", explicó Mendoza.\nLa empresa, que emplea a 85 personas, prevé facturar este año Bs. 1.250 millones, "
         "unos 8,8 millones de dólares a la tasa oficial, añadió el ejecutivo.", "unos 8,8 millones de dólares", "Rafael Mendoza Pérez"),
        # a spokesman of a body a noun points back to speaks for it; unnamed sources of one stay unnamed
        ("La distribuidora Air-e tenderá la línea. Un vocero de la distribuidora aseguró que el tendido de 45 kilómetros lo pagará Yatay Datos.",
         "45 kilómetros", "Air-e"),
        ("La ANDE denunció a la empresa. Fuentes de la entidad señalaron que al menos dos de los predios funcionaban como hosting.",
         "al menos dos", None),
        # "según el documento": the paper the sentence before says a firm filed, not the body it went to
        ("La Gobernación de Oruro evalúa cuatro propuestas de inversión. La firma Kori Datos S.R.L. entregó el lunes a la "
         "Gobernación de Oruro un perfil de proyecto. Según el documento, "
         "en su primera fase el centro dispondrá de 24 MW.", "24 MW", "Kori Datos"),
        # a pronoun closing the quote is the person named just before; "considera que" states a view
        ("El director de la planta, Kenji Aoyama, habló con la prensa. La compañía planea contratar otros 1,100 trabajadores "
         "en los próximos tres años, agregó él.", "1,100", "Kenji Aoyama"),
        ("El economista Marcos Aráuz Lacayo revisó el contrato. Aráuz considera que ese ahorro no pasará de 2 millones.",
         "no pasará de 2 millones", "Marcos Aráuz Lacayo"),
        # "por considerar que": the reason a group acts, no one's words
        ("Un grupo de 312 vecinos presentó una reclamación contra el campus que Altamira Data Centers levantará, por considerar "
         "que la evaluación subestimó su consumo.", "312", None),
        # a person's title points back to the one the article introduced with it, not to the person named last
        ("La columnista Lucía Marte Guzmán criticó el plan. El economista Ramón Tejeda Báez lo defendió. Lucía Marte Guzmán pidió "
         "más datos. El economista estima que el hub movería 9.000 millones anuales.", "9.000 millones", "Ramón Tejeda Báez"),
        # "según ella": the person named just before
        ("Me acompañó Nekane Goñi Arbizu, responsable de infraestructura del centro. Según ella, cada armario disipa hasta 60 kW.",
         "hasta 60 kW", "Nekane Goñi Arbizu"),
        # "el municipio" is the town's government named before
        ("La Municipalidad de Quilicura pidió más estudios. Según el municipio, el campus podría extraer hasta 90 litros por segundo.",
         "hasta 90 litros por segundo", "Municipalidad de Quilicura"),
        # a sentence that opens "Para la cámara," gives the view of the chamber named before
        ("La Cámara Nacional de la Industria Electrónica criticó el plan. Para la cámara, la oferta estatal cubriría apenas 4% de esa demanda.",
         "4%", "Cámara Nacional de la Industria Electrónica"),
    ],
)
def test_claims_titles_towns_and_views_point_back(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_a_title_in_apposition_with_the_person_in_its_own(extractor):
    """'La autora de la moción, la diputada Rebeca Ulloa Mora, recordó que...':
    the subject is a role, its apposition a title, and the person that title's apposition."""
    text = ("La autora de la moción, la diputada Rebeca Ulloa Mora, recordó que el texto se negoció durante seis meses con las "
            "cámaras empresariales.")
    assert claims(extractor, text)["seis meses"].source == "Rebeca Ulloa Mora"


def test_claims_a_persons_noun_points_to_whose_view_opened_the_sentence_or_who_was_introduced_by_it(extractor):
    """'Para Irene Solís, economista de..., el plan podría... La analista
    calcula': the person whose view the sentence before opened, though named
    after 'Para'; 'La alcaldesa DC, Marta Ibáñez, y el gerente de..., X,
    inauguran... La alcaldesa calculó': the one the noun introduced, its
    post's acronym and a comma between."""
    text = ("El gerente de Nodo Caribe, Julio Pertuz Daza, confirmó la segunda fase. Para Irene Solís Aroca, economista de "
            "Bancolombia, el plan podría atraer otros US$200 millones. La analista calcula que la demanda local crecerá 30 % anual.")
    assert claims(extractor, text)["30 %"].source == "Irene Solís Aroca"
    text = ("La alcaldesa DC, Marta Ibáñez Roa, y el presidente de Nodo Caribe, Julio Pertuz Daza, inauguran el edificio. "
            "La alcaldesa calculó que el campus pagará 4 millones de dólares al año en impuestos.")
    assert claims(extractor, text)["4 millones de dólares al año"].source == "Marta Ibáñez Roa"


def test_claims_a_generic_public_noun_reaches_the_state_body_a_little_farther_back(extractor):
    """'La autoridad ambiental calcula que...' with no body in the two
    sentences before: the state body the article named a little before
    them, not nobody; a party named there is no body of the state."""
    text = ("La Corporación Autónoma Regional del Cauca (CRC) recibió la solicitud de Nodo Pacífico. El campus tomaría agua del río. "
            "Los vecinos temen por sus pozos. La obra empezaría en marzo. "
            "La autoridad ambiental calcula que ese caudal equivale a menos del 2 % del que lleva el río.")
    assert claims(extractor, text)["menos del 2 %"].source == "Corporación Autónoma Regional del Cauca"


def test_claims_an_indefinite_noun_is_no_body_named_before(extractor):
    """'En Meco, un municipio de unos 14.000 habitantes, el alcalde ... defiende
    que...': the town described is not its council speaking."""
    text = ("El Ayuntamiento de Meco aprobó la licencia. En Meco, un municipio de unos 14.000 habitantes, el alcalde, Pedro Lozano Sanz, "
            "defiende que el campus dejará cerca de 3,5 millones de euros anuales.")
    assert claims(extractor, text)["cerca de 3,5 millones de euros anuales"].source == "Pedro Lozano Sanz"


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # "promete 180 empleos" pledges them; "prometió (además) crear" or "promete que" says so
        ("La firma Bahía Nube promete 180 empleos directos en la primera etapa.", "180", None),
        ("OpenAI prometió además crear al menos 100.000 empleos.", "al menos 100.000", "OpenAI"),
        # "avanza con un campus" moves a project on; "apunta a 6 GW" aims at it
        ("La norma llega mientras Ñandubay Datos S.A. avanza con un campus de 24 MW en el parque.", "24 MW", None),
        ("La Autoridad del Mercado de la Energía aprobó importaciones y apunta a 6 GW para 2035.", "6 GW", None),
        # "según publicó X" credits the sentence with no "que" to wait for
        ("La tecnológica Quenual compró un terreno de 85 hectáreas en Pilar, según publicó el diario La Nación.", "85 hectáreas", "La Nación"),
        # "propuso que" speaks for a proposal; "propuso una tasa de 3 %" only tables it
        ("La senadora Ximena Tapia Ruiz propuso que los centros de datos paguen USD 0,03 por kilovatio hora.", "USD 0,03 por kilovatio hora", "Ximena Tapia Ruiz"),
        ("El ministro Tomás Ibarra propuso una tasa de 3 % sobre la factura eléctrica.", "3 %", None),
    ],
)
def test_claims_verbs_that_speak_only_before_que(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_the_cfo_is_the_person_named_as_such(extractor):
    """'El CFO detalló que...': the chief financial officer the article named, not an organisation 'CFO'."""
    text = ("Orbe Andino presentó su plan. Su CFO, Joaquín Risopatrón, habló después. "
            "El CFO detalló que la compañía colocará bonos por UF 5 millones en el mercado local.")
    assert claims(extractor, text)["UF 5 millones"].source == "Joaquín Risopatrón"


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # what a relative clause right after the figure says someone builds is the builder's figure
        ("Lenca tendrá dos fuentes de suministro. La principal será una central geotérmica de ciclo binario de 45 MW que construirá "
         "la empresa privada Geotérmica Tecapa.", "45 MW", "Geotérmica Tecapa"),
        ("El campus de Dahna será alimentado por una planta de gas de ciclo combinado de 1.8 GW que construirá ACWA Power.", "1.8 GW", "ACWA Power"),
        # the relative clause's own subject, not a name further on in it
        ("Rapel Digital conectará el campus. La conexión se hará mediante una línea de 6,8 kilómetros que la propia empresa tenderá "
         "hasta instalaciones de la Compañía General de Electricidad.", "6,8 kilómetros", "Rapel Digital"),
        # a subordinate "que" after a date is what is said, no relative clause about the figure
        ("La comercializadora Hoshikawa Shoji anunció el día 14 que construirá un centro de datos en Ishikari, Hokkaido.", "14", "Hoshikawa Shoji"),
        # the small model may tag the relative's "que" a conjunction; the builder is still its subject
        ("La compañía Luna Austral firmó un contrato. El suministro saldrá de la planta solar Los Molles, de 40 MW, que Quillay "
         "Energía opera en la comuna de Vicuña, y de un banco de baterías de 80 MWh que Luna Austral instalará en el terreno.",
         "80 MWh", "Luna Austral"),
        # a chip's vendor in the relative clause builds nothing
        ("La compañía Tepuy Cómputo dice que invertirá US$400 millones, unos 9,800 millones de lempiras, que instalará unas 8,000 GPU H200 "
         "de Nvidia.", "unos 9,800 millones de lempiras", "Tepuy Cómputo"),
    ],
)
def test_claims_a_figure_whose_relative_clause_names_its_builder(extractor, text, anchor, subject):
    assert claims(extractor, text)[anchor].subject == subject


def test_claims_a_union_s_figures_are_its_own_matter_not_the_article_s_company(extractor):
    """'ASAJA calcula que se perderán 380 hectáreas de cereal': a farmers' union speaks of its own
    matter; the campus company the article is about is not the figure's subject."""
    text = ("Campus de datos en el páramo\n"
            "Tres promotores piden acceso a la red en La Bureba; los agricultores temen perder tierras\n"
            "Los molinos de La Bureba atraen ahora a la industria digital. Tres promotores de centros de datos han pedido acceso a la red en dos nudos.\n"
            "El proyecto más avanzado es el de Bureba Digital Campus, S.L., que plantea un campus de 300 MW con una inversión de 2.000 millones de euros.\n"
            "El campo, en contra\n"
            "ASAJA calcula que entre los proyectos y sus líneas de evacuación se perderán unas 380 hectáreas de cereal de secano.")
    assert claims(extractor, text)["unas 380 hectáreas"].subject is None


def test_claims_a_correction_note_takes_back_the_wrong_figure(extractor):
    """'Fe de errores: en una versión anterior ... se indicó 280 MW; la cifra correcta es 180 MW':
    the withdrawn figure stays a span but anchors no claim; the right one is a claim."""
    text = ("Red Eléctrica concedió a la promotora acceso a la red.\n"
            "Fe de errores: en una versión anterior de esta información se indicó que el acceso era de 280 MW; "
            "la cifra correcta es 180 MW.\n")
    result = extractor.extract(text)
    anchors = [text[c.anchor.start : c.anchor.end] for c in result.claims]
    assert "280 MW" in [s.text for s in result.spans]
    assert "280 MW" not in anchors and "180 MW" in anchors


def test_claims_a_closing_according_to_with_the_speakers_post_covers_the_whole_sentence(extractor):
    text = ("La primera fase de Quimbaya tiene 3.500 PFlops, y cuando esté completa en 2027 alcanzará 12.000 PFlops, "
            "según Ana Lucía Restrepo, gerente general del centro.")
    assert claims(extractor, text)["3.500 PFlops"].source == "Ana Lucía Restrepo"
    # the post before the name
    text = ("Cuando la obra estuvo en su punto más alto trabajaban 1.150 personas en el predio; la operación ocupará 96 empleos, "
            "según la gerente de talento humano, Yolima Castiblanco. Luego habló el alcalde.")
    assert claims(extractor, text)["1.150"].source == "Yolima Castiblanco"
    # the name's own title after the comma: the person holds the post
    text = ("La Secretaria de Desarrollo Económico del Gobierno del Estado de Hidalgo, Mtra. Elvira Cuautle Rangel, "
            "informó que la primera etapa tendrá 60 MW.")
    assert claims(extractor, text)["60 MW"].source == "Elvira Cuautle Rangel"
    # a clause after the aside is no post: "según la compañía" covers only what follows it
    text = "La primera fase ocupa 30 hectáreas y, según la compañía, no utiliza agua en el proceso."
    assert claims(extractor, text)["30 hectáreas"].source is None


@pytest.mark.parametrize("words, starts, expected", [
    # the small model ends a sentence before "pagan": a lower-case word opens none
    (["De", "acuerdo", "con", "Tizón", ",", "quienes", "compran", "como", "usuarios", "pagan", "unos", "20", "dólares", "."],
     [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0], ["De acuerdo con Tizón, quienes compran como usuarios pagan unos 20 dólares."]),
    # after a full stop it does ("... en unos meses. excelente…", a post's tail)
    (["Llegará", "a", "200.000", "en", "unos", "meses", ".", "excelente", "…"],
     [1, 0, 0, 0, 0, 0, 0, 1, 0], ["Llegará a 200.000 en unos meses.", "excelente…"]),
    # no sentence opens on a comma, nor ends without a stop ("Leandro | Aráoz")
    (["La", "Cooperativa", "Ancocala", "Ltda.", ",", "que", "agrupa", "a", "212", "familias", "."],
     [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], ["La Cooperativa Ancocala Ltda., que agrupa a 212 familias."]),
    (["Leandro", "Aráoz", ",", "director", ",", "dijo", "que", "sí", "."],
     [1, 1, 0, 0, 0, 0, 0, 0, 0], ["Leandro Aráoz, director, dijo que sí."]),
    # an abbreviation a number, a lower-case word or (a title) a name goes on from
    (["A", "cambio", ",", "el", "Art", ".", "4°", "obliga", "a", "crear", "40", "empleos", "."],
     [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], ["A cambio, el Art. 4° obliga a crear 40 empleos."]),
    (["La", "Secretaria", ",", "Mtra", ".", "Elvira", "Cuautle", ",", "informó", "."],
     [1, 0, 0, 0, 0, 1, 0, 0, 0, 0], ["La Secretaria, Mtra. Elvira Cuautle, informó."]),
    (["La", "firma", "Coello", "S.A.S.", "E.S.P.", "opera", "desde", "2019", "."],
     [1, 0, 0, 0, 0, 1, 0, 0, 0], ["La firma Coello S.A.S. E.S.P. opera desde 2019."]),
    # but an acronym in capitals or a legal form before a capital ends one
    (["Lo", "dijo", "la", "CNEL", ".", "Ecuador", "importa", "450", "MW", "."],
     [1, 0, 0, 0, 0, 1, 0, 0, 0, 0], ["Lo dijo la CNEL.", "Ecuador importa 450 MW."]),
    (["Firmó", "con", "Ozama", "S.R.L.", "La", "empresa", "paga", "."],
     [1, 0, 0, 0, 1, 0, 0, 0], ["Firmó con Ozama S.R.L.", "La empresa paga."]),
])
def test_claims_a_sentence_the_parser_cut_inside_goes_on(words, starts, expected):
    import spacy
    from spacy.tokens import Doc

    from pipeline.claims.document import sentence_bounds

    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "…") for i in range(len(words))]
    doc = Doc(spacy.blank("es").vocab, words=words, spaces=spaces, sent_starts=[bool(s) for s in starts])
    assert [doc.text[a:b] for a, b in sentence_bounds(doc)] == expected


def test_claims_a_date_of_an_earlier_coordinated_clause_is_that_clauses(extractor):
    """'compró en 2025 un predio y planea levantar seis naves': the naves
    are not bought in 2025; a date written before both clauses dates both."""
    found = claims(extractor, "La firma Quillay Cómputo compró en 2025 un predio de 85 hectáreas y planea levantar allí seis naves de 40 MW.")
    assert (found["85 hectáreas"].date, found["seis"].date, found["40 MW"].date) == ("2025", None, None)
    found = claims(extractor, "En 2024, la sequía obligó a cortes de 14 horas y el déficit de generación llegó a 1.080 MW.")
    assert found["1.080 MW"].date == "2024"


def test_claims_a_quoted_first_person_outside_the_company_is_not_the_companys_figure(extractor):
    """'«Llenamos cuatro bidones de 200 litros cada semana», cuenta una
    vecina': her own matter, not the article's company's."""
    found = claims(extractor, "Un campus de datos para Briviesca\nLa empresa Páramo Digital levantará un campus de 300 MW en Briviesca, y Páramo "
                              "Digital invertirá 900 millones de euros.\n«Llenamos cuatro bidones de 200 litros cada semana», cuenta Marta "
                              "Ruiz Calvo, que vende fruta junto a la carretera.")
    assert (found["cuatro"].subject, found["300 MW"].subject) == (None, "Páramo Digital")


def test_claims_an_owner_named_as_a_participles_agent_is_not_the_firm_a_noun_means(extractor):
    """'participada por el fondo X': the fund owns the developer; 'según la
    firma' three sentences on is still the developer. Where the participle
    names the noun's own trade ('administrado por Cordillera AGF ... la
    administradora'), the agent is what the noun means."""
    text = ("El Gobierno aprobó el campus que la promotora Estrecho Data Campus proyecta en Los Barrios. "
            "La promotora, participada por el fondo estadounidense Harbor Ridge Infrastructure, plantea tres fases. "
            "Las obras arrancarán en 2026. Durarán dos años. En total, la inversión alcanzará 3.500 millones de euros, según la firma.")
    assert claims(extractor, text)["3.500 millones de euros"].source == "Estrecho Data Campus"
    text = ("Tampoco fue un buen día para el Fondo de Inversión Rentas Digitales, administrado por Cordillera AGF, cuya cuota cayó. "
            "La administradora comunicó que la ocupación bajó de 93% a 78%.")
    assert claims(extractor, text)["93%"].source == "Cordillera AGF"


def test_claims_a_firm_inside_a_relative_clause_on_another_name_does_not_act(extractor):
    """'que integran la constructora X y el fondo Y' says what the consortium
    is; the consortium asks and invests, and stays 'la compañía' after."""
    text = ("El consorcio Calamuchita Data S.A., que integran la constructora cordobesa Traslasierra Obras y el fondo Andes Capital Partners, "
            "pidió su adhesión al régimen para construir un centro de datos, con una inversión de U$S 1.200 millones. "
            "La compañía planea instalar unas 16.000 GPU MI355X de AMD.")
    found = claims(extractor, text)
    assert found["U$S 1.200 millones"].subject == "Calamuchita Data"
    assert found["unas 16.000"].subject == "Calamuchita Data"


def test_claims_a_bodys_paper_the_outlet_consulted_is_the_bodys_word(extractor):
    """'según un oficio de la dependencia consultado por este diario': the
    outlet read it, the body wrote it; 'según cálculos de la redacción' stays
    the outlet's own figure."""
    text = ("La Secretaría de Energía (Sener) incluyó el proyecto entre 23 centros de datos que analiza, "
            "según un oficio de la dependencia consultado por este diario.")
    assert claims(extractor, text)["23"].source == "Secretariat of Energy"
    text = "Según cálculos de la redacción, Tikalnet ingresó unos US$131 millones."
    assert claims(extractor, text)["unos US$131 millones"].source is None


def test_claims_papers_of_a_kind_the_outlet_consulted_are_the_outlets_word(extractor):
    """'según solicitudes de interconexión consultadas por este diario':
    'de interconexión' says what kind of paper, it names no owner; the
    outlet speaks, not the company of the sentence."""
    opening = "Microsoft abrió su región de nube en Querétaro en 2024. "
    for paper in ("una solicitud de interconexión consultada", "solicitudes de interconexión consultadas"):
        text = opening + f"Según {paper} por este diario, la compañía prevé ampliar su capacidad en el estado de 60 a 180 MW."
        assert claims(extractor, text)["180 MW"].source is None, paper
    text = opening + ("Según solicitudes de la CFE consultadas por este diario, la compañía prevé ampliar su capacidad "
                      "en el estado de 60 a 180 MW.")
    assert claims(extractor, text)["180 MW"].source == "Federal Electricity Commission"


def test_claims_papers_in_the_plural_speak_for_their_owner(extractor):
    """'Los registros de Red Eléctrica muestran que...' as 'Los datos de...'."""
    text = "Los registros de Red Eléctrica muestran que el pico de demanda de Aragón del último invierno fue de 1.780 MW."
    assert claims(extractor, text)["1.780 MW"].source == "Red Eléctrica"


def test_claims_a_verb_of_saying_the_model_tags_as_a_name_still_speaks(extractor):
    """'El AMM reporta, por su parte, que...': the small model tags 'reporta'
    a proper noun; the 'que' after the aside shows it is the verb."""
    text = ("El Administrador del Mercado Mayorista (AMM) reporta, por su parte, que el precio de la energía "
            "promedió US$104.60 por MWh en octubre.")
    assert claims(extractor, text)["US$104.60 por MWh"].source == "Administrador del Mercado Mayorista"


def test_claims_a_relative_clause_hung_on_a_place_speaks_for_the_name_it_describes(extractor):
    """'con Hydro One, la utilidad de Ontario, que estima el costo en...': the
    small model hangs 'que estima' on Ontario; the utility estimates. The
    figure before the name is no part of what that clause says."""
    text = "El sitio también requerirá una nueva interconexión de 230 kV con Hydro One, la utilidad de Ontario, que estima el costo en C$95 millones."
    found = claims(extractor, text)
    assert found["C$95 millones"].source == "Hydro One"
    assert found["230 kV"].source is None


def test_claims_a_possessed_paper_is_its_possessors_word(extractor):
    """'El Cenace reportó que..., y sus proyecciones anticipan que...'."""
    text = ("El Centro Nacional de Control de Energía (Cenace) reportó que la demanda máxima creció 6.8% en 2025, y sus proyecciones "
            "anticipan que el consumo de los centros de datos pasaría de los 160 MW actuales a 900 MW en 2030.")
    found = claims(extractor, text)
    assert found["900 MW"].source == found["6.8%"].source == "Centro Nacional de Control de Energía"


def test_claims_slides_a_company_showed_are_its_word(extractor):
    """'de acuerdo con las láminas que la compañía proyectó': slides are papers."""
    text = ("Lenca Data Centers presentó su campus en Usulután. La primera fase, de 20 MW, tendrá unas 4,600 GPU B300 de Nvidia, "
            "de acuerdo con las láminas que la compañía proyectó en San Salvador.")
    assert claims(extractor, text)["unas 4,600"].source == "Lenca Data Centers"


def test_claims_a_paper_the_article_said_a_body_published_speaks_for_it(extractor):
    """'La Secretaría publicó las bases... Las bases exigen...': whoever
    published the paper wrote it, a few sentences and a heading later;
    the outlet that read it did not, nor the firm the article is about."""
    text = ("Nubeandes Cómputo quiere ganar el contrato. Nubeandes Cómputo opera dos centros de datos en Santiago. "
            "La Secretaría de Gobierno Digital publicó este martes las bases de la licitación para un servicio de nube. "
            "Se trata de un contrato de 48 meses. Este medio revisó las 187 páginas de las bases técnicas.\n"
            "Qué se pide\n"
            "Las bases exigen que el adjudicatario tenga al menos 384 GPU Nvidia H200.")
    assert claims(extractor, text)["al menos 384"].source == "Secretaría de Gobierno Digital"


def test_claims_estatal_as_an_adjective_stands_for_no_state_body(extractor):
    """'las bases de la licitación para una nube estatal': an adjective, not
    'la estatal' pointing back at the state oil company named before."""
    text = ("La estatal Empresa Nacional del Petróleo (ENAP) anunció un plan de datos. Nubeandes Cómputo quiere ganar el contrato. "
            "La Secretaría de Gobierno Digital publicó este martes las bases de la licitación para una nube estatal. "
            "Se trata de un contrato de 48 meses.\nQué se pide\n"
            "Las bases exigen que el adjudicatario tenga al menos 384 GPU Nvidia H200.")
    assert claims(extractor, text)["al menos 384"].source == "Secretaría de Gobierno Digital"


def test_claims_the_same_paper_again_is_the_one_credited_last(extractor):
    """'Según el documento, Centuria invertirá... El mismo escrito señala...':
    the paper last credited to its owner, not an earlier body's report."""
    text = ("El dictamen de la Comisión de Desarrollo Urbano pasó con nueve votos a favor. El síndico leyó los compromisos que "
            "la desarrolladora Centuria Parques Digitales entregó por escrito. Según el documento, Centuria invertirá 2 mil 650 "
            "millones de dólares. El mismo escrito señala que la obra generará 2 mil 400 empleos.")
    assert claims(extractor, text)["2 mil 400"].source == "Centuria Parques Digitales"


def test_claims_a_reference_noun_before_a_verb_and_capitals_introduces_no_name(extractor):
    """'La estatal propondrá al Poder Ejecutivo una tarifa...': the capitals
    after a verb and 'al' are another body; 'la estatal' is the state firm
    named before, as 'la empresa china Huawei' would introduce Huawei."""
    text = ("La Administración Nacional de Electricidad (ANDE) recibió pedidos por 450 MW. La estatal propondrá al Poder "
            "Ejecutivo una tarifa para centros de datos de USD 42 por MWh.")
    assert claims(extractor, text)["USD 42 por MWh"].subject == "Administración Nacional de Electricidad"


def test_claims_a_figure_of_something_owned_is_its_owners(extractor):
    """'Cambricon reportó que sus ingresos...': 'sus' points at the
    organisation named last before it in the sentence, not at the paper
    that reported someone else's plan, nor at the reporter."""
    text = ("Huawei planea producir unos 600.000 chips Ascend 910C el próximo año, según Bloomberg, mientras Cambricon "
            "informó que sus ingresos de enero a septiembre subieron a 4.600 millones de yuanes.")
    assert claims(extractor, text)["4.600 millones de yuanes"].subject == "Cambricon"
    text = "Según la Empresa de Servicios Sanitarios del Paraguay (ESSAP), su planta de Viñas Cué produce unos 430.000 metros cúbicos por día."
    assert claims(extractor, text)["unos 430.000 metros cúbicos por día"].subject == "Empresa de Servicios Sanitarios del Paraguay"


def test_claims_a_state_firms_own_figures_are_its_own(extractor):
    """A public body the article treats as a state-owned firm ('el ente',
    'la estatal', 'empresa pública') is the topic its unattached figures are
    about, as a company would be; a regulator or a ministry is not."""
    firm = ("La Administración Nacional de Redes y Datos (ANRED) publicó la semana pasada su memoria anual. La ANRED opera dos "
            "centros de datos en Montevideo y {} vende servicios de nube a 340 empresas. Si el ritmo de 2025 se mantuviera, "
            "los ingresos del área superarían los US$ 47 millones este año, calculó este medio.")
    assert claims(extractor, firm.format("el ente"))["superarían los US$ 47 millones"].subject == "Administración Nacional de Redes y Datos"
    assert claims(extractor, firm.format("también"))["superarían los US$ 47 millones"].subject is None


def test_claims_a_figure_of_where_something_is_granted_is_not_the_recipients(extractor):
    """'concedió al proyecto 450 MW en su subestación de Carmona, de 400 kV':
    the access is the developer's, the substation's voltage is not."""
    text = ("Alborán Infra Partners proyecta un campus en Carmona. Red Eléctrica concedió en julio de 2025 al proyecto un permiso "
            "de acceso de 450 MW en su subestación de Carmona, de 400 kV, menos de lo que pidió la promotora.")
    found = claims(extractor, text)
    assert found["450 MW"].subject == "Alborán Infra Partners"
    assert found["400 kV"].subject != "Alborán Infra Partners"


def test_claims_the_wire_agency_of_a_dateline_does_not_announce(extractor):
    """'BOGOTÁ, 3 mar (Colprensa).- Ecopetrol anunció...': the small model
    reads '(Colprensa).-' as one word with the firm hung on it."""
    text = "BOGOTÁ, 3 mar (Colprensa).- Ecopetrol anunció este martes que invertirá $2 billones en una nube privada."
    claim = claims(extractor, text)["$2 billones"]
    assert (claim.source, claim.subject) == ("Ecopetrol", "Ecopetrol")


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        # "afirmó que ... cuando ERCOT lo solicita y que lo hizo...": "y que" goes on with "afirmó", not with "solicita"
        ("El Consejo de Confiabilidad Eléctrica de Texas (ERCOT) pide ahorro. Magnolia Compute opera en Baytown. Su vicepresidente de energía, "
         "Derek Salinas, afirmó que la compañía puede reducir hasta un 60% de su consumo en 15 minutos cuando ERCOT lo solicita y que lo hizo "
         "en 11 ocasiones el verano pasado.", "11", "Derek Salinas"),
        # the parser heads the apposition with the honorific ("Datuk", "Ing."); the person speaks, not the body
        ("El Gobierno del Estado de Johor ha aprobado 51 proyectos de centros de datos desde 2021, dijo el ejecutivo estatal de inversión "
         "Datuk Faizal Harun el miércoles.", "51", "Faizal Harun"),
        ("La Administración Nacional de Electricidad (ANDE) recibió en los últimos cuatro meses pedidos de potencia por 450 megavatios de al "
         "menos tres empresas que quieren convertir sus granjas en centros de datos, confirmó el gerente comercial de la estatal, Ing. Rubén "
         "Galeano Ortiz.", "450 megavatios", "Rubén Galeano Ortiz"),
        # "según sus propios documentos" after the sentence's subject: the subject's, not whoever it addressed
        ("La distribuidora Luz del Golfo S.A. presentó su plan de inversión en la red. La compañía pidió a la Comisión Reguladora de Energía "
         "un aumento de tarifas que, según sus propios documentos, sumaría $9 al mes a la factura de un hogar.", "$9 al mes", "Luz del Golfo"),
        ("Ante el consejero Jordi Vall Serra, la portavoz de la plataforma, Lidia Ferrer Pons, sostuvo que ya funcionan 12 centros de datos y "
         "que, según sus cálculos, la demanda sería tres veces mayor en 2030.", "tres", "Lidia Ferrer Pons"),
        # a party's post in a chamber: the person who holds it, whether or not the chamber is a name
        ("La portavoz del PSOE en el Cabildo, Yaiza Rodríguez Mesa, denunció que el ayuntamiento rebajará el impuesto, lo que, según sus "
         "cálculos, supondrá renunciar a unos 9 millones de euros.", "unos 9 millones de euros", "Yaiza Rodríguez Mesa"),
        ("El Cabildo de Tenerife tramita el proyecto. La portavoz del PSOE en el Cabildo, Yaiza Rodríguez Mesa, denunció que el ayuntamiento "
         "rebajará el impuesto, lo que, según sus cálculos, supondrá renunciar a unos 9 millones de euros.", "unos 9 millones de euros",
         "Yaiza Rodríguez Mesa"),
        # a verb of saying after what was said ("..., contó el ingeniero X"): its speaker follows it, not the vendor before it
        ("En la sala nueva, Nodo Istmo Digital instalará 960 GPU H200 de Nvidia, contó el ingeniero Rolando Batista Quirós, jefe de operaciones.",
         "960", "Rolando Batista Quirós"),
        # a paper the article said a body issued, however far back, is that body's ("las bases destinan...")
        ("La Secretaría de Gobierno Digital publicó ayer las bases de la licitación de la nube estatal.\nEste medio revisó las 187 páginas "
         "del documento y consultó a tres proveedores.\nEl servicio deberá funcionar en 120 días, y las bases destinan el 15% del cómputo "
         "contratado a universidades estatales.", "15%", "Secretaría de Gobierno Digital"),
        # a report's box ("el recuadro") is a paper of the body the article is about
        ("El Banco Central de Chile mide los centros de datos\nEl Banco Central de Chile dedicó un recuadro de su informe trimestral a los "
         "centros de datos, una inversión que el Banco Central sigue de cerca.\nSegún el recuadro, la capacidad instalada en el país rondaba "
         "los 190 MW.", "rondaba los 190 MW", "Central Bank of Chile"),
        # "casi dos veces lo que dice el presupuesto": the budget is what the figure is set against
        ("El Ministerio de Hacienda publicó el presupuesto del proyecto. Marcos Aráuz Lacayo es economista. “Estamos hablando de un proyecto "
         "de no menos de 55 millones de dólares, casi dos veces lo que dice el presupuesto”, dijo Aráuz desde San José.",
         "no menos de 55 millones de dólares", "Marcos Aráuz Lacayo"),
        # "el ejecutivo" in lower case is a firm's officer; with a capital it is the government
        ("Tomás Echegaray Bustos, CEO de Hornero Cloud, habló con este medio. La Empresa Provincial de Energía de Córdoba (EPEC) hará la obra. "
         "Según agregó el ejecutivo, Hornero Cloud adelantará los $42.000 millones que costará la obra.", "$42.000 millones", "Tomás Echegaray Bustos"),
        ("La consejera Leire Ozcoidi Barrenechea habló ayer. El Gobierno de La Rioja adjudicó 40 MW. Según el Ejecutivo autonómico, los proyectos "
         "consumirían el 45 % de la demanda eléctrica.", "45 %", "Government of La Rioja"),
        # a post the tables do not know, then the person it introduces closing the aside
        ("La ingeniera Amaia Lekuona Ruiz nos recibió en la sala. El depósito guarda 9.000 litros de agua, según el operario de guardia, "
         "Iñaki Zubiri Olano.", "9.000 litros", "Iñaki Zubiri Olano"),
        # a verb of saying set off by commas, said to the writer
        ("La ingeniera Amaia Lekuona Ruiz nos recibió en la sala. El agua entra a 30 °C y sale a unos 40 °C, me explicó, así que no "
         "hacen falta enfriadoras.", "unos 40 °C", "Amaia Lekuona Ruiz"),
        # ... and a government, not the parliament named after it
        ("El Gobierno de La Rioja envió su respuesta escrita al Parlamento de La Rioja. En ella, el Ejecutivo precisa que solo "
         "se han concedido 120 MW.", "120 MW", "Government of La Rioja"),
        # a verb after "según" credits every clause of its sentence
        ("La ministra Rocío Carhuapoma Llosa presentó el plan. Según detalló Carhuapoma, el borrador contempla una depreciación acelerada "
         "del 33 % anual para servidores, y la devolución del IGV pagado en la importación de maquinaria durante diez años.",
         "diez años", "Rocío Carhuapoma Llosa"),
        # the small model makes a wire dateline's city the verb's subject, the firm its conjunct
        ("TOKIO, 18 feb (Reuters) - Tecnologías de Memoria Vakaro, la empresa conjunta entre la japonesa Kiso Denki y la taiwanesa "
         "Winbond, dijo el miércoles que gastará 6.500 millones de dólares en su fábrica.", "6.500 millones de dólares", "Tecnologías de Memoria Vakaro"),
    ],
)
def test_claims_who_speaks_past_the_parsers_slips(extractor, text, anchor, source):
    assert claims(extractor, text)[anchor].source == source


def test_claims_who_a_segun_sentence_is_credited_to_reports_it(extractor):
    """'según comunicó ayer Nortegia a la CNMV': Nortegia reports the deal, it
    does not take the stake."""
    text = ("La firma Nortegia vende parte de su campus de Alcalá. El fondo británico Tagus Infrastructure Partners se quedará con el 49 % de la "
            "sociedad propietaria por unos 1.150 millones de euros, según comunicó ayer Nortegia a la Comisión Nacional del Mercado de Valores (CNMV).")
    claim = claims(extractor, text)["49 %"]
    assert (claim.source, claim.subject) == ("Nortegia", "Tagus Infrastructure Partners")


def test_claims_an_infinitive_takes_the_subject_of_the_verb_it_hangs_from(extractor):
    """'su plan de obras prevé sumar 250 MW': the plan is the infinitive's
    subject, and 'su' makes it the utility's that reports it; in 'autoriza
    al parque a extraer', the object does the extracting, not the permit."""
    text = ("La Compañía Nacional de Fuerza y Luz informó que los centros de datos usan el 1,2 % de la energía del país y que "
            "su plan de obras prevé sumar 250 MW de generación solar antes de 2031.")
    assert claims(extractor, text)["250 MW"].subject == "Compañía Nacional de Fuerza y Luz"
    text = ("Sotavento Datos presentó la solicitud en marzo. La resolución autoriza al parque a extraer hasta 900.000 metros cúbicos "
            "al año de los pozos que la empresa perforará.")
    assert claims(extractor, text)["hasta 900.000 metros cúbicos al año"].subject == "Sotavento Datos"


def test_claims_a_name_is_no_generic_subject_whatever_its_first_word(extractor):
    """'Red Eléctrica prevé destinar...': 'red' heads generic subjects ('la
    red no da abasto'), but here it begins a company's name."""
    text = "Red Eléctrica prevé destinar 1.400 millones de euros hasta 2030 a reforzar la red de las islas."
    assert claims(extractor, text)["1.400 millones de euros"].subject == "Red Eléctrica"


def test_claims_what_a_bodys_paper_sets_is_that_bodys_figure(extractor):
    """'La Comisión Reguladora de Energía publicó un borrador que obligaría a
    los usuarios de más de 15 MW a pagar...': the regulator's figure, not
    the users'; unless the rule names whom it binds ('una ley que obliga al
    consorcio a depositar...'), or the paper only seeks what another does
    ('un plan que busca que el país pase de 300 MW a 2 GW')."""
    text = ("La Comisión Reguladora de Energía (CRE) publicó en mayo un borrador que obligaría a los usuarios de más de 15 MW a pagar "
            "un cargo de respaldo.")
    assert claims(extractor, text)["más de 15 MW"].subject == "Energy Regulatory Commission"
    text = ("El consorcio Puelo Datos firmó el convenio. La Legislatura de Chubut aprobó una ley que obliga al consorcio a depositar "
            "una garantía de 2 mil millones de pesos.")
    assert claims(extractor, text)["2 mil millones de pesos"].subject == "Puelo Datos"
    text = ("El Gobierno de Chile publicó el Plan Nacional de Centros de Datos, que busca que el país pase de unos 300 MW a más "
            "de 2 GW en 2030.")
    assert claims(extractor, text)["más de 2 GW"].subject is None


def test_claims_a_name_the_model_reads_as_a_verb_still_acts(extractor):
    """'de los que EuroHPC financiará la mitad': the small model makes EuroHPC a
    verb, the clausal subject of 'financiará'; it is who pays."""
    text = "El contrato asciende a 96 millones de euros, de los que EuroHPC financiará la mitad."
    assert claims(extractor, text)["mitad"].subject == "European High-Performance Computing Joint Undertaking"


def test_claims_a_verb_of_saying_without_subject_goes_on_with_who_spoke_before(extractor):
    """'El CEEH estima que ... pagaría la ENEE. Advierte, además, que...':
    the one who spoke goes on speaking, not the body named last."""
    text = ("El Centro de Estudios Energéticos de Honduras (CEEH) estima que conectar el complejo exigiría obras por unos "
            "L 2,400 millones que pagaría la ENEE. Advierte, además, que en época seca el complejo podría necesitar entre 40 y 60 "
            "megavatios de respaldo térmico.")
    assert claims(extractor, text)["entre 40 y 60 megavatios"].source == "Centro de Estudios Energéticos de Honduras"


def test_claims_the_same_report_is_the_one_just_named_with_its_owner(extractor):
    """'Las cifras de la Arcotel muestran que... según el mismo reporte':
    the paper just named, not the company the article is about."""
    text = ("Conectia Ecuador duplica su negocio de nube\n"
            "Conectia Ecuador ganó 12 clientes en el trimestre. Conectia Ecuador tendrá un segundo centro de datos en Quito, informó "
            "Conectia Ecuador. Las cifras de la Agencia de Regulación y Control de las Telecomunicaciones (Arcotel) a junio muestran "
            "que Conectia Ecuador tiene el 14,8 % del mercado. Por delante están Netlife, con 24,6 %, y la estatal CNT, con 21,3 %, "
            "según el mismo reporte.")
    assert claims(extractor, text)["24,6 %"].source == "Agencia de Regulación y Control de las Telecomunicaciones"


def test_claims_a_parent_named_in_an_aside_does_not_act(extractor):
    """'i-DE, la distribuidora de Iberdrola, construirá...': the house in
    the aside owns the firm; the firm builds. A person's post ('X, gerente
    de Generadora Coello, explicó') still names the firm."""
    text = ("Para atender la demanda del campus, i-DE, la distribuidora de Iberdrola, construirá una subestación de 220 kV "
            "valorada en unos 28 millones de euros, según fuentes de la eléctrica.")
    assert claims(extractor, text)["unos 28 millones de euros"].subject == "i-DE"
    text = "Claudia Marcela Triana Devia, gerente de Generadora Coello, explicó que el contrato les permitirá financiar una segunda unidad de 9,8 MW en 2028."
    assert claims(extractor, text)["9,8 MW"].subject == "Generadora Coello"


def test_claims_the_subject_of_a_restrictive_relative_on_the_figures_noun_owns_it(extractor):
    """'La tarifa que el ICE cobra' is the ICE's; 'La medida, que la Comisión
    debatirá', between commas, only remarks on the measure."""
    text = "La tarifa media que el ICE cobra a la industria es de ¢78 por kilovatio hora."
    assert claims(extractor, text)["¢78 por kilovatio hora"].subject == "Instituto Costarricense de Electricidad"
    text = "La medida, que la Comisión Interdepartamental de la Sequía debatirá el martes, afectaría a 14 proyectos."
    assert claims(extractor, text)["14"].subject is None


def test_claims_an_organisation_named_by_its_noun_inside_a_persons_words_is_not_the_source(extractor):
    """'Roberto Salcedo recordó que el gremio calculó pérdidas de $ 15 millones':
    the guild's reckoning, in its president's words; he is the source. A
    named organisation's own verb there still speaks for it."""
    text = ("Desde la Cámara de Comercio de Guayaquil, su presidente, Roberto Salcedo, recordó que el gremio "
            "calculó pérdidas de $ 15 millones por hora de apagón.")
    assert claims(extractor, text)["$ 15 millones por hora"].source == "Roberto Salcedo"
    text = "Roberto Salcedo recordó que la Cámara de Comercio de Guayaquil calculó pérdidas de $ 15 millones por hora."
    assert claims(extractor, text)["$ 15 millones por hora"].source == "Cámara de Comercio de Guayaquil"


def test_claims_chips_a_subject_noun_holds_are_not_the_subject(extractor):
    """'Su partición acelerada, con 4.480 GPU NVIDIA H100, alcanza 260
    petaflops': the partition (the system in view) reaches them, not the chip."""
    text = ("El MareNostrum 5 entró en servicio en Barcelona. Su partición acelerada, con 4.480 GPU NVIDIA H100, "
            "alcanza 260 petaflops de pico.")
    assert claims(extractor, text)["260 petaflops"].subject != "NVIDIA H100"


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("Cayena Data Campus levantará un centro en Santo Domingo. El alcalde estimó que el complejo dejará unos US$35 millones anuales en impuestos.",
         "unos US$35 millones anuales"),
        ("TEGUCIGALPA (EFE).- Cayena Data Campus levantará un centro en la capital hondureña. El alcalde estimó que el complejo dejará unos L38 millones anuales en tasas.",
         "unos L38 millones anuales"),
    ],
)
def test_claims_an_amount_written_with_a_capital_after_a_project_noun_names_no_one(extractor, text, anchor):
    """'el complejo dejará unos US$35 millones': the capital of a currency is
    no name the noun introduces, so the figure is the project's."""
    claim = claims(extractor, text)[anchor]
    assert (claim.subject, "subject<-project:el complejo" in claim.cues) == ("Cayena Data Campus", True), claim.cues


_SILICIA = ("La firma Silicia Advanced Packaging levantará una planta de chips en Sagunto. Silicia Advanced Packaging invertirá 400 millones de euros.\n"
            "Para atenderla, i-DE, la distribuidora de Iberdrola, construirá una subestación de 220 kV.")


@pytest.mark.parametrize(
    "text, anchor, company",
    [
        # "La compañía" opening a paragraph is the company the article is about
        (_SILICIA + "\nLa compañía calcula que la planta necesitará 1,4 hectómetros cúbicos de agua al año.", "1,4 hectómetros cúbicos de agua al año",
         "Silicia Advanced Packaging"),
        # within the paragraph it is the one named just before
        (_SILICIA + " La compañía calcula que la obra costará 28 millones de euros.", "28 millones de euros", "i-DE"),
    ],
)
def test_claims_the_company_a_paragraph_opens_on_is_the_articles(extractor, text, anchor, company):
    claim = claims(extractor, text)[anchor]
    assert (claim.subject, claim.source) == (company, company), claim.cues


def test_claims_a_figure_of_nobody_in_particular_ends_the_carry(extractor):
    """'En ambos barrios más del 70% de la población es latina': once the
    talk has left the company for a figure of no one, the next figure does
    not go back to it by carrying."""
    text = ("La empresa Pampa Nube levantará un centro de datos de 40 MW en Luján. El concejal Óscar Landeros, cuyo distrito incluye "
            "la zona del proyecto, pidió que al menos la mitad de los empleos permanentes sean para vecinos. En ambos barrios más del 70% "
            "de la población es latina, según la Oficina del Censo. “Hemos visto almacenes que prometieron 300 empleos”, dijo Landeros.")
    found = claims(extractor, text)
    assert found["más del 70%"].subject is None
    assert found["300"].subject is None


def test_claims_an_english_post_a_translation_kept_names_no_organisation(extractor):
    text = ("Kavita Raman es Managing Director de Kaveri Compute. La primera fase, de 600 MW, alojará hasta 90,000 GPUs Nvidia GB200, "
            "según el Managing Director.")
    found = claims(extractor, text)["600 MW"]
    assert "Managing Director" not in (found.subject, found.source, *found.orgs)


def test_claims_in_a_gossip_columns_items_are_hearsay(extractor):
    """A gossip column's item ('Que en la Secretaría...', 'Nos cuentan que...',
    'Dicen en los pasillos de la Conagua que...') is alleged and no one's word,
    not the body of the corridor's; the columnist's own remark after it, and
    a paragraph that opens otherwise, keep their reading."""
    text = (
        "Trascendió\n"
        "Dicen en los pasillos de la Comisión Nacional del Agua (Conagua) que la concesión para Texcalli ya está firmada e incluye 6 pozos. "
        "Lo curioso es que la ley estatal permite exenciones de hasta 3 años.\n"
        "Nos cuentan que la reunión con los directivos de Texcalli duró apenas 40 minutos. Los empresarios pidieron una tarifa fija; "
        "el subsecretario, dicen, respondió que no daría más de 5 años de gracia.\n"
        "Por cierto, el director de la CFE, Eustolio Tzompantzi Cuapio, dijo ayer que la empresa invertirá 2 mil 450 millones de pesos.\n"
    )
    found = claims(extractor, text)
    for anchor in ("6", "40 minutos", "más de 5 años"):
        assert (found[anchor].modality, found[anchor].source) == ("alleged", None), anchor
    assert found["hasta 3 años"].modality != "alleged"
    assert found["2 mil 450 millones de pesos"].source == "Eustolio Tzompantzi Cuapio"


def test_claims_a_reported_clause_in_another_number_is_no_act_of_the_speaker(extractor):
    """'El Ejecutivo precisa que se han otorgado permisos por 410 MW': the
    permits are granted in the plural, whoever by; only a clause in the
    speaker's own number ('que ha otorgado') tells what the speaker did. A
    compound tense agrees through its auxiliary, not its participle."""
    def only(text):
        article = extractor.extract(text, id="t", meta={"country": "ES"})
        return article.claims[0]

    assert only("El Ejecutivo precisa que solo se han otorgado permisos firmes por 410 MW.").subject is None
    assert only("El Ejecutivo precisa que solo ha otorgado permisos firmes por 320 MW.").subject == "Government of Spain"


def test_claims_the_agent_of_a_participle_is_not_the_company_that_says_so(extractor):
    """'un crédito ... encabezado por Banco Industrial, detalló la compañía':
    the bank that leads the loan is not the company that gives the detail."""
    text = ("Istmo Digital levantará un campus en Escuintla. El financiamiento incluye un crédito sindicado de 1.500 millones "
            "de quetzales otorgado por tres bancos locales, encabezados por BBVA, detalló la compañía.")
    assert claims(extractor, text)["1.500 millones de quetzales"].source == "Istmo Digital"


def test_claims_a_verb_of_saying_inside_a_speakers_quote_is_not_the_source(extractor):
    """'«...y el pliego prevé una docena de técnicos», dijo Omar Quiroga': a
    quotation given to its speaker is that speaker's word, whatever verb of
    saying it holds; a 'según' inside it still names whom it cites."""
    text = ("YPF Luz construirá la central. «Nos venden inteligencia artificial y el pliego prevé una docena de técnicos "
            "para toda la central», dijo Omar Quiroga.")
    assert claims(extractor, text)["una docena"].source == "Omar Quiroga"
    cited = claims(extractor, "«Según la AIE, la demanda llegará a 945 TWh», dijo Omar Quiroga.")["945 TWh"]
    assert cited.source == "International Energy Agency"


def test_claims_a_post_noun_stands_for_the_person_introduced_with_a_post_it_covers(extractor):
    """'«...», dijo el legislador.' after 'el senador Nelson Benítez' and an
    economist named since: the senator is the legislator."""
    text = ("La comisión pidió los contratos, que según su presidente, el senador Nelson Benítez, ya comprometen 680 MW. "
            "Benítez citó un cálculo del economista Rodrigo Ayala, de la consultora Mercado y Desarrollo. "
            "«Estamos hablando de dos coma cinco veces la potencia que consume Asunción», dijo el legislador.")
    assert claims(extractor, text)["dos coma cinco"].source == "Nelson Benítez"


def test_claims_a_rumour_inside_a_later_relative_clause_reaches_only_that_clause(extractor):
    """'Allí instalará 4.096 GPU..., un pedido que, según fuentes del sector
    citadas por Bloomberg, habría costado unos 190 millones': the count is
    a plan in the article's own voice; only the cost is the rumour."""
    text = ("Allí instalará 4.096 GPU Nvidia B200 y 1.024 aceleradores AMD Instinct MI325X, un pedido que, según fuentes "
            "del sector citadas por Bloomberg, habría costado unos 190 millones de euros.")
    found = claims(extractor, text)
    assert (found["4.096"].source, found["4.096"].modality) == (None, "planned")
    assert (found["unos 190 millones de euros"].source, found["unos 190 millones de euros"].modality) == ("Bloomberg", "alleged")


def test_claims_a_verb_of_saying_coordinated_after_the_figures_verb_reports_its_own_clause(extractor):
    """'Nubia Cloud ya opera tres centros de datos y anunció que destinaría
    1.950 millones': the announcement is of the spending, not of the three
    centres; a verb closing the sentence (', detalló.') still reports it all."""
    text = "Nubia Cloud ya opera tres centros de datos en la región y anunció en 2024 que destinaría 1.950 millones de euros a ampliarla."
    found = claims(extractor, text)
    assert (found["tres"].source, found["1.950 millones de euros"].source) == (None, "Nubia Cloud")
    closing = claims(extractor, "Nubia Cloud dijo que cada rack de esos equipos disipa hasta 120 kilovatios, detalló Ana Pérez.")
    assert closing["hasta 120 kilovatios"].source is not None
