"""The data dictionary in Spanish: each model's note and each field's description, keyed by
``Model`` and ``Model.field``. The English is the schema's own (sanctuary/schema.py); a test
(tests/test_spanish_only.py) fails when a model or a described field has no Spanish here, or when a
key here names nothing in the schema. Change both when a description changes."""

SPANISH: dict[str, str] = {
    "Place": "data/places/<slug>.yml: una ciudad, un condado, una ciudad-condado o un estado.",
    "Place.slug": "Igual al nombre del archivo sin `.yml`.",
    "Place.state": "Código postal de dos letras.",
    "Place.sample": "Una de las ciudades de ejemplo de la guía de 2016 (aparecen en la página principal).",
    "Place.census_name": "El nombre que da el Censo al lugar cuando no es igual a `name` (por ejemplo, 'New York' para la Ciudad de "
                         "Nueva York); un condado o una de las 100 ciudades más grandes se une a su página de condado o de ciudad por "
                         "estado, tipo y nombre.",
    "Place.counties": "Los condados donde está el lugar, como los nombra el Censo, sin 'County' (por ejemplo, 'Los Angeles'); sirven "
                      "para unir datos de condado, como los acuerdos 287(g), y para ubicarlo en el mapa. Vacío para un estado.",
    "Place.overview": "De tres a cinco oraciones: quién hace qué y qué cambió.",
    "Place.reviewed": "Fecha en que se revisó todo el archivo contra sus fuentes por última vez.",
    "Place.provisions": "Una situación para cada código de medida.",
    "Source": "Un documento que respalda un dato.",
    "Source.id": "Id corto, único en su archivo, que usan las listas `sources:`.",
    "Source.title": "El título tal como se publicó, en su idioma original.",
    "Source.lang": "Idioma del título tal como se publicó (`es` para un documento en español).",
    "Source.url": "La dirección del editor original, cuando se puede.",
    "Source.publisher": "Quién lo publicó, como se nombra a sí mismo (por ejemplo, 'City of Long Beach', 'Axios'); cuando la entrada "
                        "agrega palabras nuestras (dónde está la copia que leímos, quién la volvió a publicar: 'Verite News (republished "
                        "by louisianabest.us)'), {en, es}.",
    "Source.date": "Fecha de publicación, tan precisa como se conozca.",
    "Source.unverified": "Verdadero cuando ninguna fuente primaria confirmó aquello para lo que lo citamos.",
    "Policy": "Una ley, orden, política, resolución o acto público del lugar (o que lo obliga).",
    "Policy.id": "Id corto, único en el archivo, que usan las listas `policies:`.",
    "Policy.title": "El título oficial en su idioma original; {en, es} cuando el nombre es nuestro.",
    "Policy.gloss": "Nombre en palabras sencillas (aparece antes de un título oficial en las páginas del otro idioma; si falta, "
                    "aparece el tipo de instrumento).",
    "Policy.identifier": "Número oficial: capítulo del código, ordenanza, número de caso.",
    "Policy.adopted": "Fecha de adopción o de entrada en vigor, tan precisa como se conozca.",
    "Policy.state": "En qué situación está a la fecha de la revisión.",
    "Policy.summary": "Una o dos oraciones con nuestras palabras.",
    "Policy.changes": "Qué cambió desde su adopción (enmiendas, leyes, fallos).",
    "Policy.unverified": "Qué parte de esta política no confirmó ninguna fuente primaria.",
    "ProvisionStatus": "La situación de un lugar para una medida, con lo que la respalda.",
    "ProvisionStatus.note": "Por qué tiene esta situación, en una o dos oraciones (no hace falta para «no investigado»).",
    "ProvisionStatus.policies": "Ids de las políticas que la ofrecen.",
    "ProvisionStatus.sources": "Ids de las fuentes que respaldan la situación.",
    "ProvisionStatus.section": "La sección del documento que la decide, por ejemplo 'Admin. Code §12H.2(c)'; {en, es} cuando tiene "
                               "palabras nuestras ('..., as quoted by The Baltimore Sun').",
    "ProvisionStatus.quote": "Como máximo 25 palabras de esa sección, en el idioma del documento.",
    "ProvisionStatus.quote_lang": "Idioma de `quote`.",
    "ProvisionStatus.searched": "Para `unknown`: qué se buscó y cuándo.",
    "ProvisionStatus.as_of": "Fecha en que se comprobó la situación; si falta, vale `reviewed`.",
    "Searched": "Qué buscó una persona investigadora antes de anotar `unknown`, y cuándo.",
    "Searched.what": "Los documentos revisados, por ejemplo 'el código municipal, buscando inmigración, ciudadanía e ICE; el manual "
                     "de la policía; las actas del concejo de 2016 a 2026'.",
    "Searched.on": "El día de la búsqueda.",
    "Event": "Un paso con fecha en la historia del lugar.",
    "FederalMention": "Lo que dijo una lista o agencia federal sobre este lugar.",
    "FederalMention.listed_on": "Id de una lista de `data/federal_lists.yml`.",
    "FederalMention.note": "Lo que afirmó y cómo se compara con las políticas propias del lugar.",
    "State": "data/states/<code>.yml (código postal en minúsculas): la capa de leyes de un estado.",
    "State.code": "Código postal; el archivo lleva su versión en minúsculas.",
    "State.fips": "Código FIPS del estado, de dos dígitos.",
    "State.summary": "Dos o tres oraciones: qué significa hoy la ley estatal para las protecciones locales.",
    "State.notes": "Proyectos de ley pendientes o vetados, órdenes ejecutivas, contexto local.",
    "State.unverified": "Lo que no confirmó ninguna fuente que leímos.",
    "StateLaw": "Una ley estatal, un fallo que obliga o una orden para todo el estado sobre la cooperación local con ICE.",
    "StateLaw.title": "El título oficial o común, en su idioma original; {en, es} cuando el nombre es nuestro (por ejemplo, "
                      "'Ban on sanctuary policies').",
    "StateLaw.gloss": "Qué quiere decir un título oficial, en palabras sencillas (aparece antes de él en las páginas del otro idioma).",
    "StateLaw.identifier": "Número del proyecto, de la ley o del código, por ejemplo 'SB 54 (2017)'.",
    "StateLaw.year": "Año en que se aprobó; no lo ponga si no está confirmado.",
    "StateLaw.summary": "Qué hace, con nuestras palabras.",
    "StateLaw.covers": "Códigos de las medidas que esta ley da por sí misma a toda agencia local del estado (lo que dice su texto); en "
                       "las páginas de condados y ciudades que nadie ha investigado, una ley vigente en un estado que protege da "
                       "'parcial: solo por ley estatal'.",
    "Section": "data/sections/<id>.yml: una de las tres secciones de la guía, sus medidas y sus fuentes.",
    "Section.id": "Igual al nombre del archivo sin `.yml`.",
    "Section.number": "Orden de la sección en la guía.",
    "Section.summary": "Una o dos oraciones: de qué trata esta sección.",
    "Section.intro": "Un párrafo corto que abre la página de la sección.",
    "Provision": "Una de las 14 cosas que puede hacer un lugar santuario, según la guía de 2016.",
    "Provision.code": "Código fijo: CJ (justicia penal), IE (acción de inmigración), IC (comunidad inclusiva).",
    "Provision.slug": "Ancla y nombre de página legibles, por ejemplo 'no-private-prisons': la página de la medida es "
                      "criminal-justice/no-private-prisons/.",
    "Provision.title": "Título corto.",
    "Provision.short": "Nombre de pocas palabras (como máximo 36 caracteres) para el encabezado de una columna de la tabla de comparación, por ejemplo «Sin cárceles privadas».",
    "Provision.recommendation": "Lo que recomienda la guía, en palabras sencillas.",
    "Provision.meaning": "Qué significa en la práctica.",
    "Provision.why": "Por qué es importante, cada razón con su fuente.",
    "Provision.instruments": "Cómo la adoptan los lugares.",
    "Provision.limits": "Lo que no puede hacer, y los fallos judiciales o leyes que la limitan.",
    "Provision.keywords": "Otras palabras que buscan los lectores.",
    "Rationale": "Una razón por la que la medida es importante, con nuestras palabras y su fuente.",
    "TextList": "Una lista de frases cortas en los dos idiomas (por ejemplo, otras palabras de búsqueda).",
    "ModelText": "Cómo un lugar puso la medida en una ley: un texto aprobado o un texto modelo.",
    "ModelText.title": "El título propio del texto, en su idioma original; {en, es} cuando el nombre es nuestro.",
    "ModelText.gloss": "Qué es, en palabras sencillas (aparece antes de un título original en las páginas del otro idioma).",
    "ModelText.clauses": "Sus cláusulas principales, con nuestras palabras.",
    "GlossaryTerm.avoid": "Variantes en español que no se deben usar para este término (las revisan las pruebas).",
    "Avoid": "Palabras en español que una página no debe usar para un término, porque confunden.",
    "Avoid.es": "Variantes en español que no se deben usar para este término.",
    "Avoid.why": "Qué entendería mal un lector (en inglés, para quienes colaboran).",
    "Avoid.allow": "Frases correctas que contienen una variante.",
    "Allowance": "Una frase más larga que contiene una variante que se evita y que es correcta donde está.",
    "Allowance.phrase": "La frase correcta, tal como se escribe (se busca como una variante).",
    "Allowance.why": "Por qué esta frase es correcta aunque contiene una variante que se evita.",
    "FederalList": "Una lista del gobierno federal que pone etiquetas a los lugares (una afirmación, no una conclusión).",
    "FederalList.withdrawn": "Cuándo se retiró la lista, si se retiró.",
}

# The words of the type column, English -> Spanish (dictionary.type_name builds the column from them).
# Each model's name on a Spanish page (its heading shows the class name too, as code).
MODEL_NAMES: dict[str, str] = {
    "Place": "Lugar", "Source": "Fuente", "Policy": "Política", "ProvisionStatus": "Situación de una medida",
    "Searched": "Búsqueda hecha", "Event": "Hecho de la cronología", "FederalMention": "Mención en una lista federal",
    "State": "Estado", "StateLaw": "Ley estatal", "Section": "Sección", "Provision": "Medida", "Rationale": "Razón",
    "TextList": "Lista de textos", "ModelText": "Texto modelo", "Glossary": "Glosario", "GlossaryTerm": "Término del glosario",
    "Avoid": "Traducción que se evita", "Allowance": "Excepción", "FederalLists": "Listas federales",
    "FederalList": "Lista federal",
}

TYPE_WORDS: dict[str, str] = {
    "code matching {}": "código con el patrón {}",
    "date (YYYY-MM-DD, YYYY-MM or YYYY)": "fecha (AAAA-MM-DD, AAAA-MM o AAAA)",
    "date (YYYY-MM-DD)": "fecha (AAAA-MM-DD)",
    "http(s) URL": "dirección http(s)",
    "id (lowercase-with-hyphens)": "id (minúsculas-con-guiones)",
    " or ": " o ",
    ", optional": ", opcional",
    "list of {}": "lista de {}",
    "mapping of {} to {}": "correspondencia de {} a {}",
    "one of: {}": "uno de: {}",
    "text {en, es}": "texto {en, es}",
    "text": "texto",
    "whole number": "número entero",
    "true or false": "verdadero o falso",
}
