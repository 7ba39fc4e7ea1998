#include "csmith.h"
static long __undefined;
union U0 {
   uint32_t  f0;
};
static int32_t g_9[2][2] = {{0x5FEF9D78L,0x5FEF9D78L},{0x5FEF9D78L,0x5FEF9D78L}};
static int8_t g_13 = 0xD6L;
static int8_t g_15 = 0xF0L;
static int16_t g_18 = 0x8652L;
static int32_t g_22[2] = {0x1F3403CAL,0x1F3403CAL};
static uint32_t g_29 = 1UL;
static int8_t g_33[1] = {1L};
static int32_t g_34[2][3] = {{(-1L),(-1L),(-1L)},{7L,7L,7L}};
static uint32_t g_42[1] = {0UL};
static uint32_t *g_41 = &g_42[0];
static int64_t g_56 = 0x66EAA9BED5D2985DLL;
static uint32_t g_90[2][2] = {{0xDFA21EB8L,0xDFA21EB8L},{0xDFA21EB8L,0xDFA21EB8L}};
static union U0 g_99 = {18446744073709551610UL};
static int32_t g_107 = (-5L);
static int32_t * volatile g_106 = &g_107;
static int8_t g_124 = 0x98L;
static int32_t *g_149 = &g_107;
static int32_t ** volatile g_148[3][2] = {{&g_149,&g_149},{&g_149,&g_149},{&g_149,&g_149}};
static int32_t ** volatile g_150 = &g_149;
static volatile int16_t ** const g_189 = (void*)0;
static int16_t g_190 = 0xAFCDL;
static int8_t *g_209[4] = {&g_15,&g_15,&g_15,&g_15};
static int64_t g_221[4][3] = {{1L,1L,1L},{0x2BC63C88BFD10A07LL,0xA00390C6CAFF2A16LL,0x2BC63C88BFD10A07LL},{1L,1L,1L},{0x2BC63C88BFD10A07LL,0xA00390C6CAFF2A16LL,0x2BC63C88BFD10A07LL}};
static uint16_t g_228[3] = {0x06B7L,0x06B7L,0x06B7L};
static int32_t ** volatile g_240 = &g_149;
static int32_t ** const  volatile g_244 = &g_149;
static int64_t ***g_249 = (void*)0;
static int64_t *g_252 = &g_56;
static int64_t **g_251 = &g_252;
static int64_t ***g_250 = &g_251;
static int32_t g_254[1] = {(-7L)};
static union U0 *g_271[4] = {&g_99,&g_99,&g_99,&g_99};
static union U0 ** volatile g_270 = &g_271[3];
static int32_t ** volatile g_272 = &g_149;
static uint16_t g_304 = 0xAE73L;
static uint64_t g_308 = 1UL;
static int16_t g_310 = 0x2C53L;
static int16_t *g_309 = &g_310;
static uint8_t g_397 = 0xEBL;
static uint8_t g_399 = 248UL;
static union U0 ** volatile *g_403 = &g_270;
static union U0 ** volatile ** volatile g_402 = &g_403;
static int32_t ** volatile g_404 = &g_149;
static int32_t *g_420 = &g_254[0];
static int32_t ** volatile g_464 = &g_149;
static uint16_t g_465 = 0xC498L;
static int32_t g_476 = 0xBDFF6121L;
static volatile int32_t * volatile * volatile *g_535 = (void*)0;
static volatile int32_t * volatile * volatile ** volatile g_534[4][4] = {{&g_535,&g_535,&g_535,&g_535},{(void*)0,&g_535,&g_535,&g_535},{&g_535,&g_535,&g_535,&g_535},{&g_535,&g_535,(void*)0,&g_535}};
static int64_t g_547 = 0L;
static uint16_t * volatile g_557 = &g_228[0];
static uint16_t * volatile *g_556 = &g_557;
static uint16_t * volatile ** volatile g_558[4][1] = {{(void*)0},{&g_556},{(void*)0},{&g_556}};
static uint16_t * volatile ** volatile g_559 = &g_556;
static int32_t ** volatile g_563 = &g_420;
static volatile uint32_t g_564 = 0UL;
static uint16_t *g_574 = (void*)0;
static uint16_t **g_573 = &g_574;
static uint16_t ***g_572 = &g_573;
static uint16_t ****g_571[3][1] = {{&g_572},{&g_572},{&g_572}};
static int32_t **g_589 = &g_149;
static int32_t ***g_588[3] = {&g_589,&g_589,&g_589};
static int32_t ****g_587 = &g_588[2];
static uint16_t  func_1(void);
static uint32_t  func_5(int16_t  p_6, int8_t  p_7);
static uint64_t  func_35(uint64_t  p_36, uint32_t * p_37, const int16_t * p_38, int64_t  p_39, int8_t  p_40);
static int16_t  func_49(uint64_t  p_50, const int16_t  p_51, uint32_t  p_52, int16_t * p_53, uint32_t  p_54);
static uint64_t  func_57(int64_t * p_58, uint32_t * p_59, uint32_t  p_60);
static int64_t * func_61(uint16_t  p_62, int8_t * p_63, int32_t * p_64, int16_t  p_65);
static const union U0  func_82(uint32_t  p_83, int16_t  p_84, int16_t * p_85, uint32_t * p_86);
static int16_t * func_91(uint16_t  p_92);
static uint16_t  func_1(void)
{ 
    int8_t *l_12 = &g_13;
    int8_t *l_14 = &g_15;
    int32_t l_16 = (-9L);
    int16_t *l_17 = &g_18;
    int16_t *l_19 = (void*)0;
    int32_t *l_475 = &g_476;
    int16_t l_489 = 1L;
    uint16_t *l_490[3][3];
    int64_t *l_524[1][2];
    int32_t l_546 = (-10L);
    int i, j;
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 3; j++)
            l_490[i][j] = &g_228[1];
    }
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 2; j++)
            l_524[i][j] = &g_56;
    }
    return (*l_475);
}
static uint32_t  func_5(int16_t  p_6, int8_t  p_7)
;
static uint64_t  func_35(uint64_t  p_36, uint32_t * p_37, const int16_t * p_38, int64_t  p_39, int8_t  p_40)
;
static int16_t  func_49(uint64_t  p_50, const int16_t  p_51, uint32_t  p_52, int16_t * p_53, uint32_t  p_54)
;
static uint64_t  func_57(int64_t * p_58, uint32_t * p_59, uint32_t  p_60)
;
static int64_t * func_61(uint16_t  p_62, int8_t * p_63, int32_t * p_64, int16_t  p_65)
;
static const union U0  func_82(uint32_t  p_83, int16_t  p_84, int16_t * p_85, uint32_t * p_86)
;
static int16_t * func_91(uint16_t  p_92)
;
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_9[i][j], "g_9[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_13, "g_13", print_hash_value);
    transparent_crc(g_15, "g_15", print_hash_value);
    transparent_crc(g_18, "g_18", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_22[i], "g_22[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_29, "g_29", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_33[i], "g_33[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_34[i][j], "g_34[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_42[i], "g_42[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_56, "g_56", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_90[i][j], "g_90[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_99.f0, "g_99.f0", print_hash_value);
    transparent_crc(g_107, "g_107", print_hash_value);
    transparent_crc(g_124, "g_124", print_hash_value);
    transparent_crc(g_190, "g_190", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_221[i][j], "g_221[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_228[i], "g_228[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_254[i], "g_254[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_304, "g_304", print_hash_value);
    transparent_crc(g_308, "g_308", print_hash_value);
    transparent_crc(g_310, "g_310", print_hash_value);
    transparent_crc(g_397, "g_397", print_hash_value);
    transparent_crc(g_399, "g_399", print_hash_value);
    transparent_crc(g_465, "g_465", print_hash_value);
    transparent_crc(g_476, "g_476", print_hash_value);
    transparent_crc(g_547, "g_547", print_hash_value);
    transparent_crc(g_564, "g_564", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}
