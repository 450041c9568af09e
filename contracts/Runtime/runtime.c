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

// 128-bit integer helpers that LLVM calls for UInt128 arithmetic on wasm32 (compiler-rt's builtins are not
// shipped for wasm in the toolchain). Written with 64-bit halves only, so they never call themselves.
typedef union {
    unsigned __int128 all;
    struct { uint64_t low, high; } s;
} u128_words;

static unsigned __int128 mul_64x64(uint64_t a, uint64_t b) {
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t t = a0 * b0;
    uint64_t w0 = t & 0xffffffffu, k = t >> 32;
    t = a1 * b0 + k;
    uint64_t w1 = t & 0xffffffffu, w2 = t >> 32;
    t = a0 * b1 + w1;
    u128_words r;
    r.s.high = a1 * b1 + w2 + (t >> 32);
    r.s.low = (t << 32) + w0;
    return r.all;
}

__int128 __multi3(__int128 a, __int128 b) {
    u128_words x = {.all = (unsigned __int128)a}, y = {.all = (unsigned __int128)b};
    u128_words r = {.all = mul_64x64(x.s.low, y.s.low)};
    r.s.high += x.s.high * y.s.low + x.s.low * y.s.high;
    return (__int128)r.all;
}

__int128 __ashlti3(__int128 a, int b) {
    u128_words x = {.all = (unsigned __int128)a}, r;
    if (b & 64) {
        r.s.low = 0;
        r.s.high = x.s.low << (b & 63);
    } else if ((b & 63) == 0) {
        return a;
    } else {
        r.s.low = x.s.low << (b & 63);
        r.s.high = (x.s.high << (b & 63)) | (x.s.low >> (64 - (b & 63)));
    }
    return (__int128)r.all;
}

__int128 __lshrti3(__int128 a, int b) {
    u128_words x = {.all = (unsigned __int128)a}, r;
    if (b & 64) {
        r.s.high = 0;
        r.s.low = x.s.high >> (b & 63);
    } else if ((b & 63) == 0) {
        return a;
    } else {
        r.s.high = x.s.high >> (b & 63);
        r.s.low = (x.s.low >> (b & 63)) | (x.s.high << (64 - (b & 63)));
    }
    return (__int128)r.all;
}

__int128 __ashrti3(__int128 a, int b) {
    u128_words x = {.all = (unsigned __int128)a}, r;
    int64_t high = (int64_t)x.s.high;
    if (b & 64) {
        r.s.high = (uint64_t)(high >> 63);
        r.s.low = (uint64_t)(high >> (b & 63));
    } else if ((b & 63) == 0) {
        return a;
    } else {
        r.s.high = (uint64_t)(high >> (b & 63));
        r.s.low = (x.s.low >> (b & 63)) | (x.s.high << (64 - (b & 63)));
    }
    return (__int128)r.all;
}

// Unsigned division by shift and subtract (128 steps; contracts rarely divide 128-bit numbers).
static unsigned __int128 udivmod128(unsigned __int128 n, unsigned __int128 d, unsigned __int128 *remainder) {
    u128_words num = {.all = n}, den = {.all = d}, q = {.all = 0}, r = {.all = 0};
    if (den.s.low == 0 && den.s.high == 0) __builtin_trap();
    for (int i = 127; i >= 0; i--) {
        // r = (r << 1) | bit i of n; a bit shifted out of r means r > d.
        uint64_t carry = r.s.high >> 63;
        r.s.high = (r.s.high << 1) | (r.s.low >> 63);
        r.s.low = (r.s.low << 1) | ((i >= 64 ? num.s.high >> (i - 64) : num.s.low >> i) & 1);
        if (carry || r.s.high > den.s.high || (r.s.high == den.s.high && r.s.low >= den.s.low)) {
            uint64_t borrow = r.s.low < den.s.low;
            r.s.low -= den.s.low;
            r.s.high -= den.s.high + borrow;
            if (i >= 64) q.s.high |= (uint64_t)1 << (i - 64); else q.s.low |= (uint64_t)1 << i;
        }
    }
    if (remainder) *remainder = r.all;
    return q.all;
}

unsigned __int128 __udivti3(unsigned __int128 n, unsigned __int128 d) { return udivmod128(n, d, 0); }

unsigned __int128 __umodti3(unsigned __int128 n, unsigned __int128 d) {
    unsigned __int128 r;
    udivmod128(n, d, &r);
    return r;
}
