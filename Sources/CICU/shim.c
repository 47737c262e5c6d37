#include "shim.h"

#include <unicode/utrans.h>

void *lanyard_transliterator_open(const uint16_t *id, int32_t id_length) {
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *transliterator = utrans_openU(id, id_length, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) {
        if (transliterator != NULL) utrans_close(transliterator);
        return NULL;
    }
    return transliterator;
}

void *lanyard_transliterator_open_rules(const uint16_t *id, int32_t id_length, const uint16_t *rules, int32_t rules_length) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError error;
    UTransliterator *transliterator = utrans_openU(id, id_length, UTRANS_FORWARD, rules, rules_length, &error, &status);
    if (U_FAILURE(status)) {
        if (transliterator != NULL) utrans_close(transliterator);
        return NULL;
    }
    return transliterator;
}

void lanyard_transliterator_close(void *transliterator) {
    utrans_close((UTransliterator *)transliterator);
}

int32_t lanyard_transliterator_transliterate(void *transliterator, uint16_t *text, int32_t length, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, text, &length, capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR && length > capacity) return length;
    return U_FAILURE(status) ? -1 : length;
}
