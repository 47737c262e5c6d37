#include <stdint.h>

/*
 * ICU's transliterators, behind plain C types. ICU's own headers cannot be shown to Swift here: Foundation brings
 * its private copy of ICU, whose types have the same names, and Swift refuses two definitions of `UErrorCode`.
 * ICU also names its functions by version (utrans_openU_72); these names do not change.
 */

/* Opens the transliterator `id` (UTF-16), forward; NULL when ICU has none by that ID. */
void *lanyard_transliterator_open(const uint16_t *id, int32_t id_length);

/* Opens a transliterator named `id` (UTF-16) made of ICU transform `rules` (UTF-16), forward; NULL when ICU cannot
 * parse them. */
void *lanyard_transliterator_open_rules(const uint16_t *id, int32_t id_length, const uint16_t *rules, int32_t rules_length);

/* Closes a transliterator `lanyard_transliterator_open` gave. */
void lanyard_transliterator_close(void *transliterator);

/*
 * Transliterates the `length` UTF-16 units of `text` in place, in a buffer of `capacity` units. Returns the new
 * length; a length above `capacity` when the buffer was too small (`text` is then spoiled); -1 when ICU fails.
 */
int32_t lanyard_transliterator_transliterate(void *transliterator, uint16_t *text, int32_t length, int32_t capacity);
