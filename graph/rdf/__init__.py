"""The RDF layer: vocabulary, export to the W3C formats, and the embedded Oxigraph store."""
