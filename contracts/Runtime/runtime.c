// Runtime support for Embedded Swift contracts on wasm32: the allocator and memory functions the
// Swift runtime references. A bump allocator over memory.grow (contracts are short-lived: every
// call starts from a fresh instance), and a fixed hash seed so hashing is deterministic.
#include <stddef.h>
#include <stdint.h>

extern unsigned char __heap_base;
// In .data, not .bss: with imported memory wasm-ld would otherwise add a start function to zero .bss.
__attribute__((section(".data"))) static uintptr_t heap_top = 1;

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (heap_top == 1) heap_top = (uintptr_t)&__heap_base;
    if (alignment < sizeof(void *)) alignment = sizeof(void *);
    uintptr_t start = (heap_top + alignment - 1) & ~(uintptr_t)(alignment - 1);
    uintptr_t end = start + size;
    uintptr_t limit = __builtin_wasm_memory_size(0) * 65536;
    if (end > limit) {
        size_t pages = (end - limit + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 12;  // ENOMEM
    }
    heap_top = end;
    *result = (void *)start;
    return 0;
}

void free(void *pointer) { (void)pointer; }

void *memset(void *destination, int value, size_t count) {
    unsigned char *d = destination;
    while (count--) *d++ = (unsigned char)value;
    return destination;
}

void *memcpy(void *destination, const void *source, size_t count) {
    unsigned char *d = destination;
    const unsigned char *s = source;
    while (count--) *d++ = *s++;
    return destination;
}

void *memmove(void *destination, const void *source, size_t count) {
    unsigned char *d = destination;
    const unsigned char *s = source;
    if (d < s) { while (count--) *d++ = *s++; }
    else { d += count; s += count; while (count--) *--d = *--s; }
    return destination;
}

int memcmp(const void *a, const void *b, size_t count) {
    const unsigned char *x = a, *y = b;
    for (; count; count--, x++, y++) if (*x != *y) return *x - *y;
    return 0;
}

void arc4random_buf(void *buffer, size_t count) { memset(buffer, 0, count); }
