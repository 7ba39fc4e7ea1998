/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 1115062127 --no-argc --max-funcs 8 --max-block-depth 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 5
 * Seed:      1115062127
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
struct S0 {
   unsigned f0 : 22;
   signed f1 : 21;
   const unsigned f2 : 4;
   volatile signed f3 : 31;
};

#pragma pack(push)
#pragma pack(1)
struct S1 {
   volatile unsigned f0 : 22;
};
#pragma pack(pop)

/* --- GLOBAL VARIABLES --- */
static uint64_t g_16 = 0xCFAF425F5F996F37LL;
static int8_t g_46 = 0xCBL;
static int8_t *g_61[1][4] = {{&g_46,&g_46,&g_46,&g_46}};
static int8_t **g_60 = &g_61[0][1];
static int32_t g_67 = (-1L);
static uint32_t g_79 = 0x96A604C9L;
static uint8_t g_82[4] = {1UL,1UL,1UL,1UL};
static int32_t *g_84 = &g_67;
static int32_t ** volatile g_83 = &g_84;/* VOLATILE GLOBAL g_83 */
static int32_t * volatile g_104 = &g_67;/* VOLATILE GLOBAL g_104 */
static int32_t ** volatile g_105 = &g_84;/* VOLATILE GLOBAL g_105 */
static int16_t g_106[1][3] = {{5L,5L,5L}};
static volatile struct S1 g_121 = {1179};/* VOLATILE GLOBAL g_121 */
static volatile struct S0 g_125 = {1234,1160,0,11636};/* VOLATILE GLOBAL g_125 */
static volatile struct S0 * volatile g_124 = &g_125;/* VOLATILE GLOBAL g_124 */
static volatile struct S0 * volatile * volatile g_126 = &g_124;/* VOLATILE GLOBAL g_126 */
static int32_t ** volatile *g_129 = &g_83;
static const struct S1 g_160 = {1304};/* VOLATILE GLOBAL g_160 */
static struct S1 g_162 = {1169};/* VOLATILE GLOBAL g_162 */
static struct S1 * volatile g_161 = &g_162;/* VOLATILE GLOBAL g_161 */
static int32_t * volatile g_172 = (void*)0;/* VOLATILE GLOBAL g_172 */
static uint16_t g_183 = 0x8EFBL;
static uint32_t g_206[1] = {18446744073709551612UL};
static int32_t **g_214 = &g_84;
static int32_t ***g_213 = &g_214;
static int32_t **** volatile g_212 = &g_213;/* VOLATILE GLOBAL g_212 */
static volatile uint8_t g_226 = 1UL;/* VOLATILE GLOBAL g_226 */
static volatile uint16_t g_229 = 65534UL;/* VOLATILE GLOBAL g_229 */
static int32_t ** volatile g_239 = (void*)0;/* VOLATILE GLOBAL g_239 */
static struct S1 g_242 = {713};/* VOLATILE GLOBAL g_242 */
static struct S1 * const  volatile g_243 = (void*)0;/* VOLATILE GLOBAL g_243 */
static struct S1 g_244 = {1822};/* VOLATILE GLOBAL g_244 */
static volatile struct S1 g_245[4] = {{1288},{1288},{1288},{1288}};
static volatile struct S1 g_246 = {1810};/* VOLATILE GLOBAL g_246 */
static uint8_t *g_271 = &g_82[2];
static uint8_t **g_270 = &g_271;
static struct S0 g_275 = {1552,-247,1,-18323};/* VOLATILE GLOBAL g_275 */
static uint32_t g_285 = 1UL;
static int32_t * const  volatile g_297[2][3] = {{&g_67,&g_67,&g_67},{&g_67,&g_67,&g_67}};
static int32_t * volatile g_318 = &g_67;/* VOLATILE GLOBAL g_318 */
static int32_t * volatile g_323 = &g_67;/* VOLATILE GLOBAL g_323 */
static int8_t **g_341 = &g_61[0][2];
static const volatile int32_t g_366 = 0xF12C4E2EL;/* VOLATILE GLOBAL g_366 */
static int32_t ** volatile g_403 = &g_84;/* VOLATILE GLOBAL g_403 */
static struct S0 g_470 = {650,992,3,-19045};/* VOLATILE GLOBAL g_470 */
static struct S1 * volatile g_497 = &g_162;/* VOLATILE GLOBAL g_497 */
static int32_t g_518 = 0x01F7EE56L;
static struct S1 g_547 = {809};/* VOLATILE GLOBAL g_547 */
static struct S1 * volatile g_548 = &g_244;/* VOLATILE GLOBAL g_548 */
static volatile struct S1 g_549 = {853};/* VOLATILE GLOBAL g_549 */
static volatile struct S1 g_550[1][1] = {{{352}}};
static volatile struct S1 * volatile g_551 = &g_550[0][0];/* VOLATILE GLOBAL g_551 */
static struct S0 g_553[3] = {{1603,-1017,3,34493},{1603,-1017,3,34493},{1603,-1017,3,34493}};
static volatile uint8_t g_574 = 0x52L;/* VOLATILE GLOBAL g_574 */
static int8_t g_581 = 5L;
static uint64_t g_583[1][3] = {{0xB36C08A8EB16087BLL,0xB36C08A8EB16087BLL,0xB36C08A8EB16087BLL}};
static int32_t g_587 = 0x54291C4EL;
static struct S1 g_590 = {1355};/* VOLATILE GLOBAL g_590 */
static uint16_t g_598 = 0x1C90L;
static uint32_t g_599 = 4294967295UL;
static int64_t g_649 = 4L;


/* --- FORWARD DECLARATIONS --- */
static const uint8_t  func_1(void);
static int32_t  func_2(int16_t  p_3, uint32_t  p_4);
static int16_t  func_5(int16_t  p_6, uint64_t  p_7);
static struct S0  func_17(int32_t  p_18, uint64_t  p_19, uint64_t  p_20, uint16_t  p_21, int32_t  p_22);
static uint16_t  func_31(int8_t  p_32, uint8_t  p_33, uint32_t  p_34);
static uint16_t  func_41(int8_t  p_42, int8_t  p_43, int32_t  p_44);
static int8_t ** func_47(uint64_t  p_48, int8_t * const * p_49, int32_t  p_50);
static uint64_t  func_53(int32_t  p_54, uint64_t  p_55, uint32_t  p_56, uint32_t  p_57, int8_t * p_58);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_270 g_271 g_82
 * writes:
 */
static const uint8_t  func_1(void)
{ /* block id: 0 */
    uint16_t l_8 = 65528UL;
    int32_t l_579 = 0x6E44A02AL;
    int8_t *l_580 = &g_581;
    uint64_t *l_582 = &g_583[0][1];
    int32_t l_584 = 0xE648A88CL;
    int32_t *l_586 = &g_587;
    uint8_t *** const l_597[4][2] = {{(void*)0,(void*)0},{(void*)0,(void*)0},{(void*)0,(void*)0},{(void*)0,(void*)0}};
    uint16_t l_611[1];
    uint64_t l_635 = 0xF8F41DE1C84E2AC1LL;
    uint32_t l_650 = 4294967292UL;
    int i, j;
    for (i = 0; i < 1; i++)
        l_611[i] = 0x65D6L;
    return (**g_270);
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int32_t  func_2(int16_t  p_3, uint32_t  p_4)
{ /* block id: 311 */
    int16_t l_585 = 2L;
    return l_585;
}


/* ------------------------------------------ */
/* 
 * reads : g_16 g_125.f1 g_275.f1 g_206 g_275.f2 g_79 g_470 g_271 g_82 g_213 g_214 g_84 g_125.f3 g_366 g_67 g_60 g_61 g_46 g_270 g_161 g_162 g_497 g_183 g_125.f0 g_121.f0 g_129 g_83 g_341 g_106 g_547 g_548 g_549 g_550 g_551 g_553 g_275.f3 g_275.f0 g_574
 * writes: g_46 g_106 g_67 g_162 g_183 g_518 g_84 g_244 g_550 g_285 g_82 g_574
 */
static int16_t  func_5(int16_t  p_6, uint64_t  p_7)
{ /* block id: 1 */
    int8_t *l_45 = &g_46;
    int32_t l_452 = 0x84215D6DL;
    int64_t l_453[2];
    uint32_t l_454 = 1UL;
    int16_t *l_455 = (void*)0;
    int32_t l_456[3];
    int16_t *l_457 = (void*)0;
    int16_t *l_458 = (void*)0;
    int16_t *l_459 = (void*)0;
    int16_t *l_460 = &g_106[0][2];
    uint16_t l_471 = 0xA1F7L;
    uint8_t **l_491 = &g_271;
    int i;
    for (i = 0; i < 2; i++)
        l_453[i] = 7L;
    for (i = 0; i < 3; i++)
        l_456[i] = (-7L);
lbl_475:
    (***g_213) = (safe_lshift_func_int8_t_s_u((+(safe_add_func_int16_t_s_s((((safe_add_func_uint64_t_u_u(g_16, (func_17(((safe_sub_func_int64_t_s_s((p_7 , ((((((((((*l_460) = (l_456[2] |= (safe_add_func_int32_t_s_s((p_7 != (safe_add_func_uint32_t_u_u((((safe_div_func_int8_t_s_s((0L && func_31((l_452 = (safe_mod_func_int16_t_s_s(((safe_mul_func_int16_t_s_s((safe_mul_func_uint16_t_u_u(func_41(((*l_45) = (g_16 ^ 1L)), p_7, g_16), 0xA789L)), p_6)) | g_125.f1), g_275.f1))), l_453[1], l_453[1])), 251UL)) , l_454) != g_206[0]), p_6))), g_275.f2)))) ^ p_6) | p_6) , p_6) && 0xA3L) ^ g_79) , 65535UL) > p_7) < 0xC5D21042L)), g_275.f1)) && l_456[2]), l_453[1], g_275.f1, g_16, g_275.f2) , l_456[2]))) , l_471) , 0xFC78L), 0xB110L))), (*g_271)));
    for (p_6 = 7; (p_6 < 9); ++p_6)
    { /* block id: 250 */
        int16_t l_492 = (-1L);
        uint16_t l_493 = 0xECCBL;
        int32_t l_494 = 0xA4910D2AL;
        int8_t *l_502 = &g_46;
        uint8_t ***l_522 = &g_270;
        uint32_t *l_533 = &g_285;
        int32_t l_572 = 0x56BA58EEL;
        int32_t l_573 = (-6L);
        if ((!(g_125.f3 , 0x24L)))
        { /* block id: 251 */
            return g_366;
        }
        else
        { /* block id: 253 */
            uint8_t l_490 = 2UL;
            if (p_6)
                goto lbl_475;
            if (l_454)
                goto lbl_475;
            l_494 |= (safe_add_func_int8_t_s_s((safe_add_func_uint64_t_u_u((safe_sub_func_int64_t_s_s((((1UL | (safe_div_func_int64_t_s_s((((safe_rshift_func_int8_t_s_u((((safe_mod_func_int16_t_s_s((safe_add_func_uint8_t_u_u(p_7, ((l_456[1] = l_490) <= ((**g_214) ^= ((void*)0 != l_491))))), p_6)) | l_492) , (**g_60)), p_7)) == l_490) && (**g_270)), p_7))) == l_490) == p_7), l_493)), p_7)), p_6));
            for (g_67 = 0; (g_67 != (-4)); g_67 = safe_sub_func_int32_t_s_s(g_67, 4))
            { /* block id: 261 */
                (*g_497) = (*g_161);
                if (g_470.f2)
                    goto lbl_475;
            }
        }
        for (g_183 = (-2); (g_183 <= 4); g_183 = safe_add_func_uint8_t_u_u(g_183, 1))
        { /* block id: 268 */
            int32_t l_519 = 1L;
            int32_t l_520 = 0x0DDE7017L;
            const uint32_t l_534[1] = {0x5B7B27ECL};
            int32_t l_546 = 0x64A4A42AL;
            int i;
            if ((((*g_60) != ((safe_sub_func_int8_t_s_s(0xA6L, (**g_60))) , l_502)) && l_471))
            { /* block id: 269 */
                uint32_t l_505 = 0x7E2F7704L;
                int32_t *l_517[3];
                int32_t l_521 = 0x06CB66D9L;
                uint8_t ****l_523 = &l_522;
                int i;
                for (i = 0; i < 3; i++)
                    l_517[i] = &g_518;
                l_521 |= (((safe_add_func_int32_t_s_s((g_125.f0 & (l_505 , (p_7 , (l_520 |= (safe_mul_func_uint8_t_u_u(((-2L) >= (safe_rshift_func_int8_t_s_u((safe_add_func_uint8_t_u_u((((safe_mul_func_int8_t_s_s((((!((((g_518 = (safe_mod_func_uint32_t_u_u(g_79, l_505))) , l_519) & 0x92EC5B8AD2EC623CLL) == 0x87L)) == p_6) , l_519), p_7)) == l_505) ^ p_6), (*g_271))), (**g_270)))), l_519)))))), (*g_84))) || g_121.f0) && p_6);
                (**g_129) = &l_521;
                (*l_523) = l_522;
            }
            else
            { /* block id: 275 */
                struct S1 *l_524 = &g_244;
                (*l_524) = (*g_161);
            }
            for (p_7 = 11; (p_7 > 2); p_7 = safe_sub_func_int8_t_s_s(p_7, 9))
            { /* block id: 280 */
                uint64_t l_531 = 0xE698EA5CE660AFEDLL;
                int32_t l_535 = (-4L);
                l_535 ^= (safe_div_func_int32_t_s_s(((safe_mod_func_uint32_t_u_u(l_531, l_493)) , (safe_unary_minus_func_int32_t_s((((**g_341) = (g_82[2] , 1L)) || (l_533 != (void*)0))))), l_534[0]));
                l_535 = (((0x0000E9CCL || l_453[0]) == l_519) , (-1L));
                if (l_534[0])
                    continue;
                return p_7;
            }
            for (l_494 = (-3); (l_494 != 17); ++l_494)
            { /* block id: 289 */
                uint16_t *l_545 = &l_471;
                int32_t l_552[3][4] = {{0x125B7EC4L,(-2L),0x125B7EC4L,4L},{0x125B7EC4L,4L,4L,0x125B7EC4L},{4L,0x125B7EC4L,(-2L),0x125B7EC4L}};
                int i, j;
                (*g_548) = ((+((safe_add_func_uint64_t_u_u(((-1L) && l_494), (((((*l_545) = ((((safe_mul_func_int8_t_s_s((l_534[0] <= ((safe_mod_func_int16_t_s_s((p_6 , g_366), 65531UL)) < l_534[0])), l_519)) , p_7) != p_6) , g_470.f3)) || l_546) > g_106[0][0]) < (*g_271)))) >= (**g_341))) , g_547);
                if (l_534[0])
                    continue;
                (*g_551) = (g_549 , g_550[0][0]);
                if (l_552[2][3])
                    continue;
            }
            if ((g_553[0] , (safe_sub_func_uint8_t_u_u(((**g_270) = (((((*l_533) = ((((safe_rshift_func_uint8_t_u_s((!(((((*l_45) = (safe_add_func_uint64_t_u_u((8UL & 1L), (safe_div_func_uint32_t_u_u(((((safe_div_func_int64_t_s_s((2UL >= ((safe_sub_func_uint64_t_u_u((((void*)0 != &l_492) , g_82[2]), 0x47A5CB3B78732A0CLL)) < g_275.f3)), g_106[0][1])) != p_6) && p_7) , p_6), g_16))))) <= 0x38L) < g_16) ^ 0UL)), l_492)) != l_519) && p_7) != g_79)) & g_275.f0) , l_456[2]) || 0x1CFE587BL)), l_534[0]))))
            { /* block id: 299 */
                int32_t *l_567 = &l_520;
                int32_t *l_568 = &g_67;
                int32_t *l_569 = &l_520;
                int32_t *l_570 = (void*)0;
                int32_t *l_571[4][3];
                int i, j;
                for (i = 0; i < 4; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_571[i][j] = &l_452;
                }
                ++g_574;
                return l_546;
            }
            else
            { /* block id: 302 */
                return l_519;
            }
        }
    }
    return p_7;
}


/* ------------------------------------------ */
/* 
 * reads : g_470
 * writes:
 */
static struct S0  func_17(int32_t  p_18, uint64_t  p_19, uint64_t  p_20, uint16_t  p_21, int32_t  p_22)
{ /* block id: 244 */
    int32_t *l_461 = &g_67;
    int32_t l_462 = 1L;
    int32_t *l_463 = &l_462;
    int32_t l_464 = 3L;
    int32_t *l_465[3];
    int8_t l_466 = 0x4EL;
    uint64_t l_467 = 18446744073709551615UL;
    int i;
    for (i = 0; i < 3; i++)
        l_465[i] = &l_464;
    l_467++;
    return g_470;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static uint16_t  func_31(int8_t  p_32, uint8_t  p_33, uint32_t  p_34)
{ /* block id: 240 */
    return p_33;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static uint16_t  func_41(int8_t  p_42, int8_t  p_43, int32_t  p_44)
{ /* block id: 3 */
    uint32_t l_59 = 4294967288UL;
    int8_t ***l_62[1][3];
    int32_t *l_342 = &g_67;
    struct S1 *l_348 = &g_244;
    struct S1 **l_347 = &l_348;
    struct S1 ***l_349 = &l_347;
    struct S0 *l_352 = &g_275;
    struct S0 **l_351[4][3] = {{&l_352,&l_352,&l_352},{&l_352,&l_352,&l_352},{&l_352,&l_352,&l_352},{&l_352,&l_352,&l_352}};
    struct S0 ***l_350 = &l_351[2][2];
    int32_t ****l_353 = (void*)0;
    int32_t ****l_354 = &g_213;
    uint8_t *l_378 = &g_82[0];
    uint32_t l_435 = 0xA0BC34A1L;
    int32_t **** volatile *l_447 = (void*)0;
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
            l_62[i][j] = &g_60;
    }
    return p_43;
}


/* ------------------------------------------ */
/* 
 * reads : g_275.f1 g_285 g_106 g_60 g_61 g_125.f1 g_206 g_318 g_67 g_129 g_83 g_162 g_79 g_323
 * writes: g_183 g_106 g_67 g_84
 */
static int8_t ** func_47(uint64_t  p_48, int8_t * const * p_49, int32_t  p_50)
{ /* block id: 127 */
    uint16_t l_281 = 0UL;
    struct S0 *l_282 = (void*)0;
    uint16_t *l_283[3];
    int32_t l_284 = 1L;
    int16_t *l_286 = &g_106[0][1];
    int32_t l_287 = (-8L);
    int32_t l_328 = 0x6F2B936BL;
    int32_t l_329 = 0x8343CEFCL;
    int32_t l_330 = 0xFB18FC98L;
    int32_t l_331 = (-2L);
    int32_t l_332[2];
    int32_t l_333[4] = {0x7034F85FL,0x7034F85FL,0x7034F85FL,0x7034F85FL};
    int8_t l_334 = 6L;
    uint8_t l_335 = 0x70L;
    int32_t *l_339[3][3] = {{&g_67,&g_67,&g_67},{&g_67,&g_67,&g_67},{&g_67,&g_67,&g_67}};
    int8_t **l_340 = &g_61[0][0];
    int i, j;
    for (i = 0; i < 3; i++)
        l_283[i] = &g_183;
    for (i = 0; i < 2; i++)
        l_332[i] = (-3L);
    if ((l_287 = ((((*l_286) &= ((safe_sub_func_int16_t_s_s(((((((l_281 == 0x6299L) > (g_183 = (l_284 = ((g_275.f1 , l_282) == (void*)0)))) || g_285) > g_285) | l_281) | p_50), l_281)) && 1L)) == 0x208BL) >= p_48)))
    { /* block id: 132 */
        int8_t *l_292[4][3] = {{&g_46,(void*)0,&g_46},{&g_46,(void*)0,&g_46},{&g_46,(void*)0,&g_46},{&g_46,(void*)0,&g_46}};
        int32_t *l_298 = &l_284;
        int i, j;
        (*l_298) = ((safe_add_func_int8_t_s_s((0UL == 1L), ((((p_50 >= (safe_lshift_func_int16_t_s_u((l_292[0][1] != ((safe_lshift_func_uint8_t_u_s((((safe_mod_func_uint8_t_u_u(l_281, p_48)) , (-1L)) && 0UL), 0)) , (*g_60))), 15))) == 1L) || g_125.f1) && 8L))) != l_281);
    }
    else
    { /* block id: 134 */
        struct S1 * const l_310 = &g_162;
        const int32_t l_311 = 0xD280DFA0L;
        int8_t **l_319 = &g_61[0][1];
        int32_t *l_324 = &l_287;
        int32_t *l_325 = &l_284;
        int32_t l_326 = 0xDE7372DDL;
        int32_t *l_327[3][4] = {{&l_326,&l_326,&l_326,&l_326},{&l_326,&l_326,&l_326,&l_326},{&l_326,&l_326,&l_326,&l_326}};
        int i, j;
        if (p_50)
        { /* block id: 135 */
            struct S0 ** const *l_316 = (void*)0;
            for (p_48 = 5; (p_48 <= 45); ++p_48)
            { /* block id: 138 */
                struct S0 ** const **l_317 = &l_316;
                (*g_318) ^= ((safe_div_func_int64_t_s_s((safe_lshift_func_uint8_t_u_s(p_48, 7)), (safe_mod_func_int16_t_s_s((safe_mul_func_uint16_t_u_u((~(((l_310 != &g_162) | l_311) == (safe_sub_func_uint64_t_u_u((safe_div_func_int32_t_s_s((((*l_317) = l_316) == &g_126), 3L)), p_50)))), g_206[0])), 65533UL)))) && 0x5B59AA3DB188AD45LL);
            }
            return l_319;
        }
        else
        { /* block id: 143 */
            for (p_50 = 0; (p_50 >= 0); p_50 -= 1)
            { /* block id: 146 */
                struct S1 * const *l_321 = &l_310;
                struct S1 * const **l_320 = &l_321;
                (*l_320) = &l_310;
            }
        }
        (**g_129) = (l_311 , (void*)0);
        (*g_323) = ((((*l_286) |= (l_311 ^ p_50)) < ((~(-1L)) > ((*l_310) , g_79))) , p_48);
        l_335--;
    }
    (*g_318) = (safe_unary_minus_func_int8_t_s(0x6DL));
    return l_340;
}


/* ------------------------------------------ */
/* 
 * reads : g_16 g_67 g_46 g_83 g_60 g_61 g_104 g_84 g_105 g_82 g_121 g_124 g_126 g_129 g_160 g_161 g_183 g_206 g_212 g_213 g_226 g_229 g_214 g_242 g_245 g_79 g_270 g_271
 * writes: g_67 g_79 g_82 g_84 g_106 g_121 g_124 g_129 g_162 g_183 g_206 g_213 g_226 g_229 g_244 g_246
 */
static uint64_t  func_53(int32_t  p_54, uint64_t  p_55, uint32_t  p_56, uint32_t  p_57, int8_t * p_58)
{ /* block id: 5 */
    uint8_t l_70 = 0xB7L;
    int32_t *l_85 = (void*)0;
    uint16_t l_117 = 65535UL;
    int32_t l_130 = 0xE463D775L;
    int32_t l_135 = 0x8604516BL;
    uint64_t l_140 = 0xB77E5FFF9132EE09LL;
    uint8_t *l_154[3];
    int32_t l_182 = 0L;
    int32_t l_195 = (-10L);
    int32_t l_196 = 0L;
    int32_t l_197 = 0L;
    int32_t l_198 = 0xF4877578L;
    int32_t l_199 = 0x947182C7L;
    int8_t l_200 = 0x61L;
    int32_t l_201 = 0x4F2EDFF1L;
    int32_t l_202 = 0xF87256FFL;
    int32_t l_203 = 4L;
    int32_t l_204[1];
    int32_t l_205 = 0xA6D59963L;
    struct S0 *l_278 = (void*)0;
    struct S0 **l_277 = &l_278;
    int i;
    for (i = 0; i < 3; i++)
        l_154[i] = &g_82[0];
    for (i = 0; i < 1; i++)
        l_204[i] = 0x9E170EDFL;
lbl_169:
    for (p_54 = 0; (p_54 <= 5); p_54++)
    { /* block id: 8 */
        uint32_t l_65 = 0xD890AAF7L;
        int32_t *l_66 = (void*)0;
        uint64_t l_73 = 0x64D43D039428F8A5LL;
        uint32_t l_103 = 1UL;
        int32_t **l_116 = &g_84;
        int32_t l_119 = 9L;
        int32_t l_120 = 0xFF8D1E45L;
        int32_t *l_131 = &l_130;
        int32_t *l_132 = &l_120;
        int32_t l_133 = 0L;
        int32_t *l_134 = &g_67;
        int32_t *l_136 = &l_120;
        int32_t *l_137 = &l_130;
        int32_t *l_138 = (void*)0;
        int32_t *l_139[3][4];
        uint8_t *l_149 = &g_82[3];
        int32_t ****l_165 = (void*)0;
        int i, j;
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 4; j++)
                l_139[i][j] = (void*)0;
        }
        if (l_65)
            break;
        if (((g_16 != ((((g_67 &= (p_57 == p_55)) , (safe_add_func_uint32_t_u_u(l_65, ((*p_58) , g_67)))) >= (*p_58)) | l_70)) != g_16))
        { /* block id: 11 */
            uint32_t *l_78 = &g_79;
            uint8_t *l_80 = &l_70;
            uint8_t *l_81 = &g_82[0];
            int32_t l_101 = 0x97B3892EL;
            int32_t l_102 = 1L;
            if (((g_67 != ((safe_lshift_func_uint8_t_u_s(l_73, (safe_sub_func_uint8_t_u_u(((*l_81) = ((*l_80) = (((*l_78) = ((safe_add_func_uint64_t_u_u(1UL, (((g_46 | ((p_55 && 0xDEF9L) , l_70)) || g_46) , 0x62BCA918CA73003FLL))) , g_67)) == g_16))), (*p_58))))) & 0UL)) != 1L))
            { /* block id: 15 */
                int32_t **l_86 = &g_84;
                (*g_83) = &p_54;
                (*l_86) = l_85;
                (*g_104) ^= ((p_56 == (safe_div_func_int32_t_s_s((((safe_add_func_uint32_t_u_u(((safe_add_func_uint32_t_u_u(7UL, (safe_div_func_int64_t_s_s(p_57, (safe_add_func_uint16_t_u_u(5UL, ((safe_lshift_func_uint8_t_u_s((((safe_div_func_uint8_t_u_u((l_101 = 0x3CL), l_102)) == p_57) & p_57), 7)) , 65530UL))))))) <= p_57), l_103)) < (**g_60)) < 0x2DDCL), (-1L)))) && p_54);
            }
            else
            { /* block id: 20 */
                int32_t **l_112 = &l_66;
                int32_t *l_118[2];
                int i;
                for (i = 0; i < 2; i++)
                    l_118[i] = &l_101;
                (*g_105) = (*g_83);
                g_106[0][1] = p_54;
                l_102 ^= ((safe_div_func_int32_t_s_s(0xEA102817L, (-1L))) , ((l_120 = (l_119 = ((g_82[2]++) , (!(((*l_112) = &p_54) != ((*l_116) = ((safe_add_func_uint8_t_u_u(((((~(-1L)) , &g_104) != l_116) <= l_117), l_101)) , (void*)0))))))) < p_56));
                (*l_116) = (void*)0;
            }
            (*l_116) = l_85;
        }
        else
        { /* block id: 32 */
            volatile struct S1 *l_122 = (void*)0;
            volatile struct S1 *l_123 = &g_121;
            int32_t ** volatile *l_128 = &l_116;
            int32_t ** volatile **l_127[4][4] = {{&l_128,&l_128,&l_128,&l_128},{&l_128,&l_128,&l_128,&l_128},{&l_128,&l_128,&l_128,&l_128},{&l_128,&l_128,&l_128,&l_128}};
            int i, j;
            (*l_123) = g_121;
            if (p_54)
            { /* block id: 34 */
                (*g_126) = g_124;
            }
            else
            { /* block id: 36 */
                return p_55;
            }
            g_129 = &g_83;
        }
        l_140--;
        if (((*g_129) == (void*)0))
        { /* block id: 42 */
            volatile struct S1 *l_143 = &g_121;
            (*l_143) = g_121;
        }
        else
        { /* block id: 44 */
            uint32_t *l_148 = &l_103;
            uint8_t *l_151 = &g_82[0];
            int32_t l_159 = (-1L);
            for (l_130 = (-22); (l_130 >= 18); l_130 = safe_add_func_uint64_t_u_u(l_130, 8))
            { /* block id: 47 */
                uint8_t **l_150 = &l_149;
                uint8_t **l_152 = (void*)0;
                uint8_t **l_153[3][2] = {{&l_151,&l_151},{&l_151,&l_151},{&l_151,&l_151}};
                int32_t l_157[2][3];
                int64_t l_158 = 0x3433B3C15363C4F9LL;
                int i, j;
                for (i = 0; i < 2; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_157[i][j] = 0xABEA0BD5L;
                }
                l_158 = ((*l_134) = (((l_148 == (void*)0) >= (((*l_150) = l_149) == (l_154[2] = l_151))) > (safe_div_func_int64_t_s_s(((((*l_136) = l_157[0][0]) , (*g_60)) == (void*)0), 1L))));
                if (l_159)
                    continue;
                (*g_161) = g_160;
            }
            for (p_56 = (-28); (p_56 > 22); ++p_56)
            { /* block id: 58 */
                uint32_t l_166 = 4294967295UL;
                (*l_131) = ((void*)0 != l_165);
                l_166--;
            }
        }
    }
    if (p_56)
    { /* block id: 64 */
        int32_t l_181[4] = {1L,1L,1L,1L};
        int32_t *l_186 = &l_130;
        int32_t *l_187 = &l_182;
        int32_t *l_188 = (void*)0;
        int32_t *l_189 = &l_135;
        int32_t *l_190 = (void*)0;
        int32_t *l_191 = &g_67;
        int32_t *l_192 = &l_135;
        int32_t *l_193 = &l_130;
        int32_t *l_194[1];
        int32_t ***l_217[3];
        int i;
        for (i = 0; i < 1; i++)
            l_194[i] = (void*)0;
        for (i = 0; i < 3; i++)
            l_217[i] = &g_214;
        if (p_54)
            goto lbl_169;
        for (p_55 = 0; (p_55 == 31); p_55 = safe_add_func_int8_t_s_s(p_55, 7))
        { /* block id: 68 */
            int32_t *l_173 = &g_67;
            int32_t *l_174 = &g_67;
            int32_t *l_175 = &g_67;
            int32_t *l_176 = (void*)0;
            int32_t *l_177 = &l_135;
            int32_t *l_178 = (void*)0;
            int32_t *l_179[2];
            int8_t l_180 = 0x6CL;
            int i;
            for (i = 0; i < 2; i++)
                l_179[i] = &l_135;
            p_54 = (*g_104);
            --g_183;
            (*l_174) &= p_56;
        }
        g_206[0]--;
        for (l_195 = (-1); (l_195 < (-12)); --l_195)
        { /* block id: 76 */
            int32_t ***l_211 = (void*)0;
            int32_t ****l_218 = &l_211;
            int32_t *l_222[2][2];
            int32_t ** const l_221 = &l_222[0][1];
            int32_t ** const *l_220 = &l_221;
            int32_t ** const **l_219 = &l_220;
            int i, j;
            for (i = 0; i < 2; i++)
            {
                for (j = 0; j < 2; j++)
                    l_222[i][j] = &l_182;
            }
            (*l_191) ^= p_57;
            (*g_212) = l_211;
            if (((safe_lshift_func_uint8_t_u_u((0x894D0847L & p_55), ((((*l_218) = l_217[2]) == ((*l_219) = (*g_212))) || (**l_221)))) && p_57))
            { /* block id: 81 */
                int16_t l_223 = 1L;
                int32_t l_224 = 7L;
                int32_t l_225 = 0xC5B5BA2BL;
                g_226++;
                --g_229;
            }
            else
            { /* block id: 84 */
                int32_t l_232 = 3L;
                return l_232;
            }
        }
    }
    else
    { /* block id: 88 */
        uint32_t l_234 = 0x7731CCDAL;
        int32_t l_237 = 0x6B952414L;
        uint64_t l_272 = 0xD8175E35A37F9577LL;
        (*g_214) = (*g_105);
lbl_247:
        for (l_117 = 0; (l_117 <= 0); l_117 += 1)
        { /* block id: 92 */
            for (p_55 = 0; (p_55 <= 0); p_55 += 1)
            { /* block id: 95 */
                uint8_t l_233[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_233[i] = 8UL;
                return l_233[0];
            }
        }
        if ((l_234 ^ (l_234 != (g_82[0] |= (safe_rshift_func_int16_t_s_u(0x5C18L, 9))))))
        { /* block id: 100 */
            int32_t *l_238 = &l_195;
            if ((l_237 = ((void*)0 != &p_57)))
            { /* block id: 102 */
                int32_t **l_240 = (void*)0;
                int32_t **l_241 = &l_238;
                (*l_241) = ((**g_213) = l_238);
                g_244 = g_242;
                g_246 = g_245[0];
            }
            else
            { /* block id: 107 */
                if (l_70)
                    goto lbl_247;
            }
            return l_234;
        }
        else
        { /* block id: 111 */
            uint8_t **l_267 = &l_154[2];
            int32_t l_268[4][2] = {{(-1L),0x359D2699L},{(-1L),0x359D2699L},{(-1L),0x359D2699L},{(-1L),0x359D2699L}};
            int i, j;
            for (l_202 = (-23); (l_202 == (-12)); l_202++)
            { /* block id: 114 */
                int32_t *l_250 = &l_130;
                uint64_t *l_253 = &l_140;
                uint8_t **l_269 = &l_154[2];
                struct S0 *l_274 = &g_275;
                struct S0 **l_273[2];
                struct S0 ***l_276 = &l_273[1];
                int i;
                for (i = 0; i < 2; i++)
                    l_273[i] = &l_274;
                (*g_105) = l_250;
                (*l_250) = (*g_84);
                l_272 |= ((((safe_sub_func_uint64_t_u_u((--(*l_253)), 0x93C69FD8C01150D4LL)) | (safe_mod_func_uint16_t_u_u((safe_div_func_uint64_t_u_u((((safe_add_func_int32_t_s_s(((safe_mod_func_int16_t_s_s((safe_unary_minus_func_int16_t_s((((*g_214) = (***g_212)) != &p_54))), g_82[2])) <= ((((((((l_267 != (void*)0) && 8UL) > g_79) & 0x6468E3BE8019E2E3LL) == l_268[0][1]) == g_183) , l_269) == g_270)), l_195)) != g_206[0]) >= g_16), 0x50580E84D75D9914LL)), 1L))) || (**g_270)) && (**g_105));
                (**g_214) = (((*l_276) = l_273[0]) != l_277);
            }
            return p_56;
        }
    }
    return l_197;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_16, "g_16", print_hash_value);
    transparent_crc(g_46, "g_46", print_hash_value);
    transparent_crc(g_67, "g_67", print_hash_value);
    transparent_crc(g_79, "g_79", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_82[i], "g_82[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_106[i][j], "g_106[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_121.f0, "g_121.f0", print_hash_value);
    transparent_crc(g_125.f0, "g_125.f0", print_hash_value);
    transparent_crc(g_125.f1, "g_125.f1", print_hash_value);
    transparent_crc(g_125.f2, "g_125.f2", print_hash_value);
    transparent_crc(g_125.f3, "g_125.f3", print_hash_value);
    transparent_crc(g_160.f0, "g_160.f0", print_hash_value);
    transparent_crc(g_162.f0, "g_162.f0", print_hash_value);
    transparent_crc(g_183, "g_183", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_206[i], "g_206[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_226, "g_226", print_hash_value);
    transparent_crc(g_229, "g_229", print_hash_value);
    transparent_crc(g_242.f0, "g_242.f0", print_hash_value);
    transparent_crc(g_244.f0, "g_244.f0", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_245[i].f0, "g_245[i].f0", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_246.f0, "g_246.f0", print_hash_value);
    transparent_crc(g_275.f0, "g_275.f0", print_hash_value);
    transparent_crc(g_275.f1, "g_275.f1", print_hash_value);
    transparent_crc(g_275.f2, "g_275.f2", print_hash_value);
    transparent_crc(g_275.f3, "g_275.f3", print_hash_value);
    transparent_crc(g_285, "g_285", print_hash_value);
    transparent_crc(g_366, "g_366", print_hash_value);
    transparent_crc(g_470.f0, "g_470.f0", print_hash_value);
    transparent_crc(g_470.f1, "g_470.f1", print_hash_value);
    transparent_crc(g_470.f2, "g_470.f2", print_hash_value);
    transparent_crc(g_470.f3, "g_470.f3", print_hash_value);
    transparent_crc(g_518, "g_518", print_hash_value);
    transparent_crc(g_547.f0, "g_547.f0", print_hash_value);
    transparent_crc(g_549.f0, "g_549.f0", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_550[i][j].f0, "g_550[i][j].f0", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_553[i].f0, "g_553[i].f0", print_hash_value);
        transparent_crc(g_553[i].f1, "g_553[i].f1", print_hash_value);
        transparent_crc(g_553[i].f2, "g_553[i].f2", print_hash_value);
        transparent_crc(g_553[i].f3, "g_553[i].f3", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_574, "g_574", print_hash_value);
    transparent_crc(g_581, "g_581", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_583[i][j], "g_583[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_587, "g_587", print_hash_value);
    transparent_crc(g_590.f0, "g_590.f0", print_hash_value);
    transparent_crc(g_598, "g_598", print_hash_value);
    transparent_crc(g_599, "g_599", print_hash_value);
    transparent_crc(g_649, "g_649", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 153
   depth: 1, occurrence: 12
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 5
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 1
XXX volatile bitfields defined in structs: 2
XXX structs with bitfields in the program: 20
breakdown:
   indirect level: 0, occurrence: 12
   indirect level: 1, occurrence: 3
   indirect level: 2, occurrence: 3
   indirect level: 3, occurrence: 2
XXX full-bitfields structs in the program: 12
breakdown:
   indirect level: 0, occurrence: 12
XXX times a bitfields struct's address is taken: 13
XXX times a bitfields struct on LHS: 2
XXX times a bitfields struct on RHS: 12
XXX times a single bitfield on LHS: 1
XXX times a single bitfield on RHS: 27

XXX max expression depth: 45
breakdown:
   depth: 1, occurrence: 119
   depth: 2, occurrence: 21
   depth: 3, occurrence: 2
   depth: 4, occurrence: 1
   depth: 5, occurrence: 2
   depth: 7, occurrence: 1
   depth: 8, occurrence: 2
   depth: 10, occurrence: 1
   depth: 12, occurrence: 1
   depth: 13, occurrence: 1
   depth: 15, occurrence: 1
   depth: 16, occurrence: 1
   depth: 17, occurrence: 4
   depth: 19, occurrence: 1
   depth: 22, occurrence: 1
   depth: 23, occurrence: 1
   depth: 28, occurrence: 1
   depth: 45, occurrence: 1

XXX total number of pointers: 166

XXX times a variable address is taken: 164
XXX times a pointer is dereferenced on RHS: 58
breakdown:
   depth: 1, occurrence: 38
   depth: 2, occurrence: 19
   depth: 3, occurrence: 1
XXX times a pointer is dereferenced on LHS: 90
breakdown:
   depth: 1, occurrence: 79
   depth: 2, occurrence: 9
   depth: 3, occurrence: 2
XXX times a pointer is compared with null: 12
XXX times a pointer is compared with address of another variable: 6
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 1992

XXX max dereference level: 4
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 202
   level: 2, occurrence: 79
   level: 3, occurrence: 45
   level: 4, occurrence: 14
XXX number of pointers point to pointers: 56
XXX number of pointers point to scalars: 94
XXX number of pointers point to structs: 16
XXX percent of pointers has null in alias set: 21.1
XXX average alias set size: 1.08

XXX times a non-volatile is read: 451
XXX times a non-volatile is write: 250
XXX times a volatile is read: 40
XXX    times read thru a pointer: 3
XXX times a volatile is write: 26
XXX    times written thru a pointer: 7
XXX times a volatile is available for access: 1.58e+03
XXX percentage of non-volatile access: 91.4

XXX forward jumps: 3
XXX backward jumps: 8

XXX stmts: 109
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 15
   depth: 1, occurrence: 18
   depth: 2, occurrence: 31
   depth: 3, occurrence: 45

XXX percentage a fresh-made variable is used: 19.5
XXX percentage an existing variable is used: 80.5
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

