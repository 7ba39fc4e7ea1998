#include "csmith.h"
static long __undefined;
static int16_t g_2 = 0x8B10L;
static int32_t * volatile g_3[3][2] = {{(void*)0,(void*)0},{(void*)0,(void*)0},{(void*)0,(void*)0}};
static int32_t g_5 = (-10L);
static int32_t * volatile g_4 = &g_5;
static int64_t  func_1(void);
static int64_t  func_1(void)
{ 
    (*g_4) ^= (g_2 &= 0xD1E1E87DL);
    return g_2;
}
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_2, "g_2", print_hash_value);
    transparent_crc(g_5, "g_5", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}
