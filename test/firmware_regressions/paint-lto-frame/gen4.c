#include "csmith.h"
static long __undefined;
static int32_t g_3 = 2L;
static uint16_t g_19 = 0x7BE0L;
static int32_t g_98 = 0L;
static volatile int32_t g_108 = 0x493BBC76L;
static volatile uint64_t g_111[2] = {0x277EF9B05D12CBEDLL,0x277EF9B05D12CBEDLL};
static int16_t g_124 = (-3L);
static volatile int32_t *g_126 = &g_108;
static volatile int32_t * volatile * volatile g_125 = &g_126;
static volatile int16_t g_162 = 0xC04BL;
static volatile int32_t g_163 = 0xEF7E692EL;
static volatile uint32_t g_165 = 1UL;
static int32_t **g_169 = (void*)0;
static int32_t *** volatile g_168 = &g_169;
static int32_t g_210 = 0x940516E3L;
static int32_t *g_209 = &g_210;
static uint32_t g_224[2] = {8UL,8UL};
static int16_t * volatile *g_254 = (void*)0;
static int32_t *** volatile g_264 = &g_169;
static int32_t ** volatile g_275 = &g_209;
static int64_t g_279 = (-7L);
static volatile int32_t g_288 = 1L;
static int32_t g_289[1] = {0L};
static int32_t ***g_299 = &g_169;
static int32_t ****g_298 = &g_299;
static int16_t g_300 = 0xBFE3L;
static int32_t ** volatile g_306 = &g_209;
static int8_t g_325 = 0x7FL;
static int32_t g_333 = 0L;
static uint32_t g_364 = 4294967295UL;
static const int8_t g_371[2] = {0x89L,0x89L};
static uint8_t g_376 = 0xADL;
static int32_t g_396 = (-5L);
static int32_t *g_395 = &g_396;
static int32_t g_405 = 0xDC6DF943L;
static uint16_t g_420[2] = {0xA95FL,0xA95FL};
static uint8_t g_503 = 0xB0L;

static int16_t  func_22(int32_t * const  p_23, const int32_t  p_24, uint8_t  p_25, int64_t  p_26);
static int64_t  func_29(int32_t * p_30, int32_t * p_31, int32_t  p_32);
static int32_t * func_33(uint8_t  p_34, int32_t * p_35, int16_t  p_36, int32_t * p_37);

static uint16_t  func_53(int32_t * p_54);



static int32_t * const  func_77(int32_t  p_78);
static int8_t  func_79(int32_t * p_80);
static int32_t  func_82(int32_t * p_83, uint8_t  p_84, int32_t * const  p_85);
static uint8_t  func_1(void)
{ 
    int32_t *l_2 = &g_3;
    int32_t *l_4 = &g_3;
    int32_t *l_5 = (void*)0;
    int32_t *l_6 = (void*)0;
    int32_t *l_7 = &g_3;
    int32_t *l_8 = &g_3;
    int32_t *l_9 = &g_3;
    int32_t *l_10 = &g_3;
    int32_t *l_11 = &g_3;
    int32_t l_12 = (-4L);
    int32_t *l_13 = &l_12;
    int32_t *l_14 = &g_3;
    int32_t *l_15 = &g_3;
    int32_t l_16 = 1L;
    int32_t *l_17 = &l_12;
    int32_t *l_18[2];
    int16_t *l_508 = &g_124;
    int32_t l_526 = 0x42A6408BL;
    int32_t *l_534 = (void*)0;
    uint16_t l_563 = 0x8F6DL;
    int i;
    for (i = 0; i < 2; i++)
        l_18[i] = &l_16;
    ++g_19;
    g_98 ^= ((((func_22(((safe_sub_func_int64_t_s_s(func_29(&g_3, func_33(g_3, &l_16, (*l_8), &l_16), g_3), 1L)) , (*g_275)), (*g_209), g_289[0], (*l_17)) & 0UL) > 0xDD31E82BL) & g_325) , 0x896F1679L);
    if ((g_333 == ((*l_508) |= g_98)))
    { 
        int64_t l_509 = 0x76E4A401CF8A739ALL;
        int32_t l_510[2];
        uint8_t l_511 = 4UL;
        int i;
        for (i = 0; i < 2; i++)
            l_510[i] = 0xA4CAEA27L;
        --l_511;
    }
    else
    { 
        uint32_t l_529 = 8UL;
        int16_t *l_533[1];
        int32_t *l_536 = &l_16;
        uint32_t *l_546 = (void*)0;
        uint32_t *l_547 = &l_529;
        int32_t l_552 = 0x201FB2E0L;
        uint8_t l_553[1];
        int32_t l_556 = 0xE6B75EA7L;
        int32_t l_560[2];
        int i;
        for (i = 0; i < 1; i++)
            l_533[i] = &g_124;
        for (i = 0; i < 1; i++)
            l_553[i] = 254UL;
        for (i = 0; i < 2; i++)
            l_560[i] = 4L;
        if (((safe_mul_func_uint8_t_u_u(((((safe_add_func_int64_t_s_s(((((safe_sub_func_int8_t_s_s(g_371[0], (((((((((safe_rshift_func_uint8_t_u_u((safe_div_func_int32_t_s_s((safe_mod_func_int32_t_s_s((-10L), g_376)), 0x6E2A0675L)), 7)) != g_289[0]) == (**g_275)) , (*g_209)) == (*g_209)) ^ g_224[0]) ^ 0x88A00FBAL) , (*g_298)) != (void*)0))) & g_371[1]) <= g_396) & g_289[0]), l_526)) , 0UL) && 253UL) , (*l_11)), 0x7AL)) == g_279))
        { 
            int32_t **l_535 = &l_10;
            (*g_395) &= ((safe_mod_func_int64_t_s_s((((l_529 , (((((((((+(safe_div_func_int16_t_s_s(l_529, 0xD4A2L))) && g_288) <= (*g_209)) , (*l_2)) ^ 0x7F25L) >= 1L) >= (-7L)) , l_508) != l_533[0])) || 65535UL) == g_224[0]), g_3)) == l_529);
            l_534 = (*g_306);
            (*l_535) = func_77((*g_126));
        }
        else
        { 
            int32_t *l_537 = (void*)0;
            l_537 = l_536;
            return g_163;
        }
        (*l_17) = (safe_lshift_func_uint8_t_u_u((safe_div_func_int32_t_s_s((safe_sub_func_int32_t_s_s(((**g_306) = (*l_536)), ((*l_547) |= (safe_sub_func_uint64_t_u_u(((*l_7) <= g_224[1]), g_224[1]))))), 0xA6AE3FC8L)), 5));
        (*g_209) &= (*l_8);
        for (l_526 = 0; (l_526 == 13); l_526 = safe_add_func_uint64_t_u_u(l_526, 9))
        { 
            int32_t l_550 = 0x83B9BFFDL;
            int32_t l_551 = (-6L);
            int32_t l_557 = 1L;
            int32_t l_558 = 0x52D8A6F5L;
            int32_t l_559 = 0xC6044D40L;
            int32_t l_561 = (-1L);
            int32_t l_562 = 0xE351EB80L;
            l_553[0]--;
            --l_563;
        }
    }
    return g_405;
}
static int16_t  func_22(int32_t * const  p_23, const int32_t  p_24, uint8_t  p_25, int64_t  p_26)
{ 
    int32_t *l_468 = (void*)0;
    int32_t *l_469 = &g_3;
    int32_t l_470 = 0x88180CCBL;
    int32_t *l_471 = &g_210;
    int32_t l_472 = 0xB90AFC5AL;
    int32_t *l_473 = &g_3;
    int16_t l_474 = 3L;
    int32_t *l_475 = &g_333;
    int32_t l_476 = 2L;
    int32_t *l_477 = &l_472;
    int32_t *l_478 = &g_210;
    int32_t *l_479 = &l_470;
    int64_t l_480[3];
    int32_t *l_481 = &g_289[0];
    int32_t *l_482 = &g_210;
    int32_t *l_483[3];
    uint8_t l_484 = 248UL;
    uint8_t l_499 = 0xD5L;
    int i;
    for (i = 0; i < 3; i++)
        l_480[i] = 0L;
    for (i = 0; i < 3; i++)
        l_483[i] = &g_333;
    l_484--;
    for (g_333 = 7; (g_333 != (-21)); g_333--)
    { 
        uint8_t l_491 = 1UL;
        for (g_3 = 23; (g_3 < 25); ++g_3)
        { 
            l_491 ^= (*p_23);
            (*g_209) = 0xECA23C0DL;
        }
    }
    for (l_472 = 0; (l_472 == 12); l_472 = safe_add_func_uint32_t_u_u(l_472, 2))
    { 
        int16_t *l_495 = (void*)0;
        int32_t l_496 = 0L;
        int32_t l_500 = (-1L);
        int32_t l_501 = 0L;
        int32_t l_502[3];
        const int32_t *l_507 = &g_98;
        const int32_t **l_506 = &l_507;
        int i;
        for (i = 0; i < 3; i++)
            l_502[i] = 0x2A1436D8L;
        if ((((((g_300 ^= ((+((((void*)0 != &g_298) , p_25) & g_163)) , p_26)) != l_496) > (*l_475)) | (*l_482)) , (*p_23)))
        { 
            (*g_209) &= (safe_mul_func_uint16_t_u_u(0x7590L, 65535UL));
            (*l_479) &= (*p_23);
        }
        else
        { 
            if (l_499)
                break;
            (**g_275) = ((0x8C0CL > (2L != p_24)) < 0xEDEDL);
            if ((*g_395))
                continue;
            return p_24;
        }
        --g_503;
        (*l_506) = &p_24;
    }
    return p_26;
}
static int64_t  func_29(int32_t * p_30, int32_t * p_31, int32_t  p_32)
{ 
    int8_t l_43 = 0xCAL;
    int32_t l_467 = 0x88F5093BL;
    for (g_19 = 0; (g_19 > 37); g_19++)
    { 
        uint32_t l_52 = 0x704D9FABL;
        int32_t **l_445 = &g_395;
        int8_t *l_464 = &l_43;
        int8_t *l_465 = (void*)0;
        int8_t *l_466 = &g_325;
    }
    return g_405;
}
static int32_t * func_33(uint8_t  p_34, int32_t * p_35, int16_t  p_36, int32_t * p_37)
{ 
    return &g_3;
}
static int32_t * func_40(int32_t  p_41, uint16_t  p_42)
;
static uint16_t  func_53(int32_t * p_54)
;






int main (void)
{
    int i;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_3, "g_3", print_hash_value);
    transparent_crc(g_19, "g_19", print_hash_value);
    transparent_crc(g_98, "g_98", print_hash_value);
    transparent_crc(g_108, "g_108", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_111[i], "g_111[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_124, "g_124", print_hash_value);
    transparent_crc(g_162, "g_162", print_hash_value);
    transparent_crc(g_163, "g_163", print_hash_value);
    transparent_crc(g_165, "g_165", print_hash_value);
    transparent_crc(g_210, "g_210", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_224[i], "g_224[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_279, "g_279", print_hash_value);
    transparent_crc(g_288, "g_288", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_289[i], "g_289[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_300, "g_300", print_hash_value);
    transparent_crc(g_325, "g_325", print_hash_value);
    transparent_crc(g_333, "g_333", print_hash_value);
    transparent_crc(g_364, "g_364", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_371[i], "g_371[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_376, "g_376", print_hash_value);
    transparent_crc(g_396, "g_396", print_hash_value);
    transparent_crc(g_405, "g_405", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_420[i], "g_420[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_503, "g_503", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}
