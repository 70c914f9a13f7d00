"""Translation of a plan's texts through the tools translators use (XLIFF, TMX, a glossary).

``texts`` lists every text with a stable id and its status per language; ``xliff`` exports
them for a CAT tool and reads the translated file back; ``memory`` writes the translation
memory (TMX) and the glossary of fixed names; ``yaml_edit`` writes an import into a plan file
by adding the new languages to its texts, leaving the rest of the file as it was. Plain Python:
reads ``comitia.plan`` and the core's catalog, never Django or the web application.
"""
