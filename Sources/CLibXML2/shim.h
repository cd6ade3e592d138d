// libxml2 for Selaras. libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set,
// which clashes with Foundation's own ICU module, so the flag is cleared before the other headers.
#ifndef SELARAS_CLIBXML2_SHIM_H
#define SELARAS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#include <libxml/xmlschemas.h>
#include <libxml/valid.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

/// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state; this wrapper
/// gives Swift a plain function to call.
static inline void selaras_xml_free(void *p) { xmlFree(p); }
#endif
