"""Reading: a source file's bytes → its text, paragraphs and curated metadata (validated), with
line numbers; hands a RawDocument and its shape to inference."""
