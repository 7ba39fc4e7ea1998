/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 1221277132 --no-argc --max-funcs 8 --max-block-depth 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 5
 * Seed:      1221277132
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
#pragma pack(push)
#pragma pack(1)
struct S0 {
   volatile signed f0 : 20;
};
#pragma pack(pop)

/* --- GLOBAL VARIABLES --- */
static struct S0 g_6 = {-323};/* VOLATILE GLOBAL g_6 */
static int16_t g_17 = (-3L);
static int32_t g_25 = 8L;
static uint64_t g_27[1] = {0x3D3B0CF5AA05D762LL};
static uint64_t g_37[1][3] = {{0x1D99EA5D840DFE9FLL,0x1D99EA5D840DFE9FLL,0x1D99EA5D840DFE9FLL}};
static uint64_t * volatile g_36 = &g_37[0][0];/* VOLATILE GLOBAL g_36 */
static struct S0 * const g_38 = (void*)0;
static int32_t g_50 = (-1L);
static int32_t *g_49 = &g_50;
static volatile struct S0 g_51 = {750};/* VOLATILE GLOBAL g_51 */
static volatile struct S0 * volatile g_52 = (void*)0;/* VOLATILE GLOBAL g_52 */
static volatile struct S0 * volatile g_53 = &g_51;/* VOLATILE GLOBAL g_53 */
static int32_t ** volatile g_55 = (void*)0;/* VOLATILE GLOBAL g_55 */
static int8_t g_74 = 1L;
static int8_t *g_73 = &g_74;
static volatile int16_t g_83 = 6L;/* VOLATILE GLOBAL g_83 */
static int16_t g_85[2] = {4L,4L};
static volatile int16_t g_88 = 0xFF69L;/* VOLATILE GLOBAL g_88 */
static volatile uint8_t g_91 = 0x1EL;/* VOLATILE GLOBAL g_91 */
static uint16_t g_98 = 0x1FC1L;
static uint8_t g_118 = 1UL;
static uint32_t g_137 = 0x18804D59L;
static uint64_t g_144 = 0xCE3446011D501A0CLL;
static uint32_t g_147 = 3UL;
static int32_t ** volatile g_162 = &g_49;/* VOLATILE GLOBAL g_162 */
static uint32_t g_174 = 0x9875F21BL;
static int32_t ** volatile g_181 = &g_49;/* VOLATILE GLOBAL g_181 */
static int32_t ** volatile g_195 = &g_49;/* VOLATILE GLOBAL g_195 */
static int64_t g_197 = 1L;
static int32_t ** volatile g_212 = &g_49;/* VOLATILE GLOBAL g_212 */
static const struct S0 g_215 = {-595};/* VOLATILE GLOBAL g_215 */
static int32_t ** volatile g_239 = (void*)0;/* VOLATILE GLOBAL g_239 */
static int32_t ** volatile g_240 = &g_49;/* VOLATILE GLOBAL g_240 */
static volatile struct S0 g_243 = {-187};/* VOLATILE GLOBAL g_243 */
static int8_t g_247 = 0L;
static int32_t * volatile g_250[1] = {(void*)0};
static int32_t ** volatile g_259 = &g_49;/* VOLATILE GLOBAL g_259 */
static int8_t **g_262 = &g_73;
static struct S0 ***** const  volatile g_270[2] = {(void*)0,(void*)0};
static struct S0 ***** volatile g_271[1][4] = {{(void*)0,(void*)0,(void*)0,(void*)0}};
static int8_t ***g_292[2] = {&g_262,&g_262};
static struct S0 g_314[3] = {{-882},{-882},{-882}};
static int32_t ** volatile g_349[1] = {&g_49};
static int16_t g_386 = 0xCC45L;
static int64_t *g_430 = &g_197;
static int64_t * volatile * const g_429[3] = {&g_430,&g_430,&g_430};
static struct S0 g_439 = {435};/* VOLATILE GLOBAL g_439 */
static int32_t ** volatile g_499 = &g_49;/* VOLATILE GLOBAL g_499 */
static int32_t ** volatile g_526 = &g_49;/* VOLATILE GLOBAL g_526 */
static int32_t ** volatile g_565 = &g_49;/* VOLATILE GLOBAL g_565 */
static uint8_t g_572 = 0xE4L;
static uint16_t *g_578 = &g_98;
static const int8_t *g_588 = &g_74;
static const int8_t **g_587 = &g_588;
static const int8_t ***g_586 = &g_587;
static volatile struct S0 * volatile ** volatile g_617 = (void*)0;/* VOLATILE GLOBAL g_617 */
static volatile struct S0 * volatile ** volatile *g_616 = &g_617;


/* --- FORWARD DECLARATIONS --- */
static uint8_t  func_1(void);
static struct S0 * func_2(struct S0 * p_3, struct S0 * p_4);
static struct S0 * func_7(struct S0 * p_8);
static struct S0 * func_9(int32_t  p_10, struct S0 * p_11, uint16_t  p_12, int16_t  p_13, uint64_t  p_14);
static int32_t * func_20(struct S0 * const  p_21);
static const struct S0  func_22(struct S0 * p_23);
static int64_t  func_32(int32_t  p_33, struct S0 * const  p_34, const int32_t * p_35);
static int32_t * func_41(int32_t * p_42, uint64_t * p_43, const int64_t  p_44);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_6.f0 g_17 g_430 g_197 g_118 g_49 g_271 g_27 g_36 g_37 g_147 g_262 g_73 g_74 g_50 g_499 g_195 g_247 g_240 g_526 g_25 g_51 g_53 g_144 g_91 g_98 g_85 g_88 g_137 g_162 g_565 g_572 g_586 g_616 g_6 g_386
 * writes: g_197 g_49 g_118 g_37 g_27 g_50 g_247 g_25 g_51 g_144 g_91 g_98 g_6 g_137 g_147 g_572 g_578 g_74 g_586 g_386
 */
static uint8_t  func_1(void)
{ /* block id: 0 */
    struct S0 *l_5 = &g_6;
    int32_t l_15 = 7L;
    uint32_t l_16[4][1];
    struct S0 *l_495 = &g_314[0];
    struct S0 **l_494 = &l_495;
    int i, j;
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 1; j++)
            l_16[i][j] = 0UL;
    }
    (*l_494) = func_2(l_5, func_7(((*l_494) = func_9(l_15, l_5, g_6.f0, l_16[0][0], g_17))));
    return g_91;
}


/* ------------------------------------------ */
/* 
 * reads : g_499 g_195 g_49 g_240 g_526 g_37 g_262 g_73 g_74 g_25 g_51 g_53 g_50 g_6.f0 g_144 g_91 g_98 g_36 g_118 g_17 g_85 g_88 g_137 g_147 g_162 g_565 g_572 g_430 g_197 g_586 g_616 g_6 g_386 g_247
 * writes: g_49 g_247 g_37 g_25 g_51 g_50 g_144 g_91 g_98 g_6 g_137 g_147 g_572 g_578 g_74 g_586 g_386 g_197
 */
static struct S0 * func_2(struct S0 * p_3, struct S0 * p_4)
{ /* block id: 304 */
    int32_t *l_498 = (void*)0;
    uint64_t *l_500 = &g_37[0][1];
    int32_t l_503 = 0x27441F85L;
    int32_t l_508 = 0L;
    int64_t *l_509 = &g_197;
    uint16_t l_515[4][3] = {{0xCBD1L,0xCBD1L,0x177CL},{0UL,0UL,3UL},{0xCBD1L,0xCBD1L,0x177CL},{0UL,0UL,3UL}};
    int32_t l_539 = (-5L);
    int32_t l_541 = 0x38DC0C66L;
    uint32_t l_560 = 0xCD560063L;
    uint64_t *l_562[1];
    int8_t ***l_590[2];
    uint32_t l_619 = 0xEC383ADAL;
    int8_t l_620[2][3];
    int i, j;
    for (i = 0; i < 1; i++)
        l_562[i] = &g_144;
    for (i = 0; i < 2; i++)
        l_590[i] = &g_262;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 3; j++)
            l_620[i][j] = 0L;
    }
    (*g_499) = l_498;
lbl_603:
    l_498 = (*g_195);
    for (g_247 = (-28); (g_247 <= (-26)); g_247 = safe_add_func_uint8_t_u_u(g_247, 9))
    { /* block id: 310 */
        int32_t *l_512 = &l_503;
        int32_t *l_513 = &l_503;
        int32_t *l_514[4][3] = {{&g_25,&g_25,&g_50},{&g_50,&g_50,&g_50},{&g_50,&g_25,&g_50},{&g_50,&g_25,&g_50}};
        struct S0 * const l_525 = (void*)0;
        int64_t l_531 = 0x1A4A6100C7D1C1EELL;
        uint16_t l_542 = 0x5DF2L;
        struct S0 *l_559 = &g_439;
        struct S0 **l_558 = &l_559;
        struct S0 ***l_557 = &l_558;
        int8_t *** const l_599 = &g_262;
        int32_t l_618[3];
        uint8_t l_635 = 251UL;
        int i, j;
        for (i = 0; i < 3; i++)
            l_618[i] = (-1L);
        l_515[0][1]++;
        if (((*l_513) && (*l_512)))
        { /* block id: 312 */
            uint8_t *l_522 = &g_118;
            int32_t l_523 = 0xFAC92E74L;
            uint32_t *l_524 = &g_174;
            (*g_526) = (*g_240);
            if (l_523)
                break;
            if ((l_523 &= (safe_rshift_func_uint16_t_u_u((4L | (l_531 >= g_37[0][0])), 5))))
            { /* block id: 319 */
                uint64_t l_532 = 0xA99E1F8F8F5DE37ELL;
                if (l_532)
                    break;
            }
            else
            { /* block id: 321 */
                return p_3;
            }
        }
        else
        { /* block id: 324 */
            int32_t l_536 = 0xE5C578D2L;
            int32_t l_538 = 0L;
            int32_t l_540 = (-2L);
            for (l_531 = 10; (l_531 > 17); ++l_531)
            { /* block id: 327 */
                int64_t l_535[2][1];
                int32_t l_537[3][3] = {{7L,7L,7L},{(-8L),0x3294184EL,(-8L)},{7L,7L,7L}};
                int i, j;
                for (i = 0; i < 2; i++)
                {
                    for (j = 0; j < 1; j++)
                        l_535[i][j] = 0L;
                }
                l_542--;
                l_540 = 0x7AF2B612L;
            }
        }
        if ((safe_lshift_func_uint16_t_u_u(((safe_sub_func_uint64_t_u_u(((*l_500)++), (safe_lshift_func_uint8_t_u_s(((safe_lshift_func_int8_t_s_s((-9L), ((l_539 &= ((safe_mul_func_uint8_t_u_u((l_557 == &l_558), 255UL)) || (((*l_513) <= (*l_512)) < (**g_262)))) | 0UL))) >= l_560), (*l_512))))) | 0x5AF52770L), 5)))
        { /* block id: 334 */
            int32_t l_561 = 0x717D9985L;
            uint16_t *l_577 = (void*)0;
            int32_t l_600[2][2] = {{(-6L),(-6L)},{(-6L),(-6L)}};
            int i, j;
            l_541 = (l_539 = ((*l_513) = l_561));
            for (g_25 = 0; (g_25 <= 0); g_25 += 1)
            { /* block id: 340 */
                const int64_t l_564 = 1L;
                uint16_t *l_579[3][4] = {{&g_98,&l_542,&l_542,&g_98},{&l_542,&g_98,&l_542,&l_542},{&g_98,&g_98,&g_98,&g_98}};
                const int8_t ****l_589 = &g_586;
                int16_t *l_597 = (void*)0;
                int16_t *l_598[4] = {(void*)0,(void*)0,(void*)0,(void*)0};
                uint8_t *l_601 = &g_572;
                int32_t l_602 = (-10L);
                int i, j;
                (*g_565) = func_41(&l_541, l_562[0], ((+(*l_513)) , l_564));
                g_50 |= ((safe_rshift_func_int16_t_s_u((safe_rshift_func_int8_t_s_s((l_564 != (((((safe_mul_func_uint16_t_u_u((++g_572), ((safe_mod_func_int32_t_s_s((l_561 & ((((((**g_262) = ((((*g_36) != ((g_578 = l_577) == l_579[0][0])) & g_98) , (*g_73))) ^ 0x38L) >= l_564) < g_25) <= (-1L))), l_561)) && 0xA3148886D9A1ABF2LL))) <= l_561) & (*g_430)) | 65535UL) || (*l_512))), l_561)), l_515[0][1])) , (*l_512));
                l_602 = (safe_mul_func_uint8_t_u_u(((*l_601) = (g_197 || (!((safe_mod_func_uint64_t_u_u((+(((*l_589) = g_586) != ((((void*)0 != l_590[0]) , ((l_561 = (safe_sub_func_int16_t_s_s((safe_add_func_uint16_t_u_u((safe_sub_func_int32_t_s_s(((*l_512) = l_561), l_561)), l_561)), g_98))) > 0xDAE5L)) , l_599))), l_600[0][0])) >= 9L)))), l_600[0][0]));
                if (l_542)
                    goto lbl_603;
            }
            for (l_508 = 2; (l_508 >= 0); l_508 -= 1)
            { /* block id: 355 */
                uint32_t l_604 = 0x4EAA50EEL;
                (*l_513) = l_604;
            }
        }
        else
        { /* block id: 358 */
            uint32_t l_605[2][1];
            int i, j;
            for (i = 0; i < 2; i++)
            {
                for (j = 0; j < 1; j++)
                    l_605[i][j] = 18446744073709551607UL;
            }
            if (l_605[0][0])
                break;
        }
        if ((safe_sub_func_int8_t_s_s((safe_div_func_uint8_t_u_u(0x91L, 0xF9L)), g_37[0][2])))
        { /* block id: 361 */
            for (g_572 = (-7); (g_572 <= 60); ++g_572)
            { /* block id: 364 */
                const uint8_t l_612 = 0UL;
                if (l_612)
                    break;
                return p_3;
            }
        }
        else
        { /* block id: 368 */
            uint32_t l_615 = 1UL;
            int32_t l_625 = 1L;
            int8_t * const *l_626 = &g_73;
            int32_t l_629 = 0x121D8DA0L;
            int16_t l_649 = 0L;
            for (g_386 = 0; (g_386 < 24); g_386 = safe_add_func_uint8_t_u_u(g_386, 2))
            { /* block id: 371 */
                struct S0 **l_623 = &l_559;
                uint16_t *l_624[1][3];
                uint32_t *l_630 = &l_560;
                int32_t l_636 = 0L;
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_624[i][j] = &l_542;
                }
                l_619 = (l_503 = (((l_615 >= (((((*g_73) = (-5L)) , (*g_36)) > ((g_616 != g_616) == l_615)) <= l_618[2])) ^ 65535UL) == l_615));
                (*l_513) ^= l_620[0][1];
                l_629 &= (((((((safe_sub_func_int32_t_s_s(((((l_625 |= ((void*)0 == l_623)) , l_626) == (void*)0) < (safe_mod_func_uint32_t_u_u((--(*l_630)), (safe_mul_func_int16_t_s_s(((void*)0 != l_624[0][0]), l_515[2][2]))))), 1UL)) > (-3L)) != (*l_512)) && l_615) < 1L) <= l_615) , (*l_513));
                l_636 |= l_635;
            }
            for (l_542 = (-11); (l_542 > 43); l_542++)
            { /* block id: 383 */
                uint8_t l_648 = 0x68L;
                (*l_513) = (safe_div_func_int16_t_s_s(((0x5EFCL < 0xE5D7L) ^ ((l_648 = ((*g_430) = ((safe_add_func_int16_t_s_s((4294967295UL ^ (safe_div_func_int8_t_s_s(((((safe_unary_minus_func_uint32_t_u(l_629)) <= ((safe_mod_func_uint64_t_u_u(((*p_3) , l_625), 0x44C1E1B94CB401ACLL)) == g_386)) , l_541) || 0xA6L), 0x36L))), l_629)) < 0x42C6CCA2L))) >= (*l_512))), l_625));
                if (l_649)
                    continue;
            }
        }
    }
    return p_4;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static struct S0 * func_7(struct S0 * p_8)
{ /* block id: 301 */
    int32_t l_496 = 0L;
    struct S0 *l_497 = &g_314[0];
    l_496 = (-8L);
    return l_497;
}


/* ------------------------------------------ */
/* 
 * reads : g_430 g_197 g_118 g_49 g_271 g_27 g_36 g_37 g_147 g_262 g_73 g_74 g_50
 * writes: g_197 g_49 g_118 g_37 g_27 g_50
 */
static struct S0 * func_9(int32_t  p_10, struct S0 * p_11, uint16_t  p_12, int16_t  p_13, uint64_t  p_14)
{ /* block id: 1 */
    uint32_t l_379 = 0x1BAFF7DCL;
    int32_t l_402 = 0xFC43C31EL;
    int32_t l_405[1];
    int64_t l_410 = 1L;
    uint32_t l_411 = 0x00588CF0L;
    int64_t ** const l_436[4] = {&g_430,&g_430,&g_430,&g_430};
    uint32_t l_437 = 0x5DAB81B0L;
    uint64_t *l_441 = &g_37[0][0];
    struct S0 *l_453 = &g_314[0];
    struct S0 **l_459 = &l_453;
    struct S0 ***l_458 = &l_459;
    struct S0 ****l_457 = &l_458;
    struct S0 ***** volatile l_456 = &l_457;/* VOLATILE GLOBAL l_456 */
    uint32_t l_482[4] = {1UL,1UL,1UL,1UL};
    int i;
    for (i = 0; i < 1; i++)
        l_405[i] = 0x69356C6CL;
    for (p_12 = 0; (p_12 != 46); ++p_12)
    { /* block id: 4 */
        int32_t *l_353 = &g_25;
        int32_t l_361 = 0x151D6254L;
        int32_t l_362 = 0xAAF24BCDL;
        int32_t l_399 = 1L;
        int32_t l_400[1][3];
        int32_t l_404[1];
        int16_t l_406 = 8L;
        uint64_t l_407[3];
        const int8_t ***l_420 = (void*)0;
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 3; j++)
                l_400[i][j] = 0xCB6625C3L;
        }
        for (i = 0; i < 1; i++)
            l_404[i] = 4L;
        for (i = 0; i < 3; i++)
            l_407[i] = 0xBE9CC74D4C1FB1C6LL;
    }
    if (((safe_div_func_int64_t_s_s(((*g_430) = (*g_430)), p_14)) ^ p_10))
    { /* block id: 270 */
        return l_453;
    }
    else
    { /* block id: 272 */
        int8_t l_455 = 0x1EL;
        int32_t l_463 = 0x16DA471BL;
        int32_t l_466[1];
        uint64_t l_467 = 0xA6F4882D4506FB52LL;
        int8_t l_490 = (-8L);
        int i;
        for (i = 0; i < 1; i++)
            l_466[i] = 0xF2A16E3BL;
        if (p_13)
        { /* block id: 273 */
            int32_t **l_454 = &g_49;
            (*l_454) = &l_402;
            l_455 = 0L;
            for (g_118 = 0; (g_118 <= 0); g_118 += 1)
            { /* block id: 278 */
                (*l_454) = (*l_454);
            }
        }
        else
        { /* block id: 281 */
            l_456 = g_271[0][1];
        }
        for (l_402 = 0; (l_402 <= 1); l_402 += 1)
        { /* block id: 286 */
            int32_t *l_460 = &g_50;
            int32_t *l_461 = &g_25;
            int32_t *l_462 = (void*)0;
            int32_t l_464 = 0L;
            int32_t *l_465[2];
            int i;
            for (i = 0; i < 2; i++)
                l_465[i] = (void*)0;
            l_467++;
        }
        for (l_455 = 0; (l_455 >= 0); l_455 -= 1)
        { /* block id: 291 */
            uint8_t *l_489[1][1];
            uint64_t *l_491 = &g_27[0];
            int32_t l_492 = (-6L);
            struct S0 *l_493 = &g_314[0];
            int i, j;
            for (i = 0; i < 1; i++)
            {
                for (j = 0; j < 1; j++)
                    l_489[i][j] = &g_118;
            }
            (*g_49) ^= ((safe_rshift_func_int16_t_s_u(((safe_sub_func_int8_t_s_s((safe_lshift_func_uint8_t_u_s((((*l_491) = (((*l_441) = ((safe_rshift_func_uint16_t_u_s(g_27[l_455], 3)) || ((safe_div_func_int8_t_s_s((safe_div_func_int64_t_s_s(l_482[3], (safe_mul_func_int16_t_s_s((-4L), ((p_14 ^ (safe_mul_func_uint16_t_u_u((((l_463 &= ((safe_add_func_uint64_t_u_u(0x48B6067CA7E5A90CLL, (*g_36))) && p_14)) || g_147) & (-1L)), 0L))) | 0xE2A8L))))), g_27[l_455])) & l_490))) > 0xB7DD6A2D901D7B24LL)) == 0x663DE6470671AC47LL), (**g_262))), l_492)) ^ 0x9753L), 6)) >= p_12);
            return l_493;
        }
    }
    return p_11;
}


/* ------------------------------------------ */
/* 
 * reads : g_25 g_73 g_74 g_6.f0 g_27 g_240 g_243 g_37 g_118 g_259 g_197 g_181 g_49 g_195 g_50 g_6 g_98 g_51.f0
 * writes: g_197 g_37 g_27 g_49 g_74 g_25 g_118 g_262 g_292 g_50 g_6 g_98
 */
static int32_t * func_20(struct S0 * const  p_21)
{ /* block id: 148 */
    uint64_t l_218 = 1UL;
    int64_t *l_219 = &g_197;
    const uint64_t l_234 = 0UL;
    uint64_t *l_235 = &g_37[0][0];
    uint64_t *l_236 = &g_27[0];
    uint64_t *l_237[2][3];
    int32_t l_238 = (-3L);
    int8_t ** const l_260 = &g_73;
    int32_t *l_281 = &l_238;
    int32_t **l_282 = &g_49;
    int32_t l_312 = 0x2A338AA6L;
    uint32_t l_335 = 4294967289UL;
    uint16_t l_338[2];
    int64_t **l_344 = &l_219;
    uint64_t l_345 = 18446744073709551613UL;
    uint64_t *l_346 = (void*)0;
    int32_t *l_347 = &l_238;
    int32_t *l_348[4];
    int i, j;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 3; j++)
            l_237[i][j] = &l_218;
    }
    for (i = 0; i < 2; i++)
        l_338[i] = 1UL;
    for (i = 0; i < 4; i++)
        l_348[i] = &g_25;
    (*g_240) = ((l_238 = (((safe_div_func_int64_t_s_s(((*l_219) = l_218), (((*l_236) |= ((*l_235) = (safe_rshift_func_uint8_t_u_s((safe_add_func_int16_t_s_s((safe_add_func_int32_t_s_s(((safe_div_func_int32_t_s_s((!((l_218 ^ (safe_mod_func_int32_t_s_s((!((safe_div_func_int8_t_s_s(((l_234 != ((l_218 <= l_218) || g_25)) , (*g_73)), l_218)) , l_234)), l_234))) , 0xC47CAE22L)), l_234)) && (*g_73)), l_218)), g_6.f0)), 6)))) , 1L))) & l_218) | l_234)) , &l_238);
    for (l_218 = (-5); (l_218 == 47); ++l_218)
    { /* block id: 156 */
        int8_t *l_246[4][1];
        int32_t *l_251 = &g_25;
        uint8_t *l_254 = &g_118;
        int i, j;
        for (i = 0; i < 4; i++)
        {
            for (j = 0; j < 1; j++)
                l_246[i][j] = &g_247;
        }
        (*l_251) = (((l_238 = (g_243 , (safe_lshift_func_uint8_t_u_s((l_218 && l_234), ((*g_73) &= 1L))))) > (safe_sub_func_int32_t_s_s(((g_37[0][0] < l_218) < g_37[0][2]), 0xE81A8B05L))) > g_27[0]);
        if ((safe_lshift_func_int16_t_s_s((((*l_254)--) | (l_238 = (*l_251))), 12)))
        { /* block id: 162 */
            for (g_25 = 0; (g_25 >= 0); g_25 -= 1)
            { /* block id: 165 */
                struct S0 * const *l_258 = &g_38;
                struct S0 * const **l_257 = &l_258;
                (*l_257) = &p_21;
            }
            (*g_259) = &l_238;
        }
        else
        { /* block id: 169 */
            int8_t ***l_261 = (void*)0;
            g_262 = l_260;
        }
        for (g_197 = 0; (g_197 <= 26); g_197 = safe_add_func_uint64_t_u_u(g_197, 1))
        { /* block id: 174 */
            int32_t **l_265 = &l_251;
            struct S0 *l_269 = &g_6;
            struct S0 **l_268 = &l_269;
            struct S0 ***l_267[4];
            struct S0 ****l_266 = &l_267[0];
            struct S0 *****l_272 = &l_266;
            int32_t *l_273 = &g_25;
            int i;
            for (i = 0; i < 4; i++)
                l_267[i] = &l_268;
            (*l_265) = (*g_181);
            (*l_272) = l_266;
            return l_273;
        }
        (*g_49) = (*l_251);
    }
    if ((safe_sub_func_uint16_t_u_u(((safe_lshift_func_int16_t_s_u((+0x91L), 1)) > (safe_add_func_uint16_t_u_u((l_281 == ((*l_282) = (*g_195))), 0xA907L))), (*l_281))))
    { /* block id: 183 */
        int64_t l_287 = 0x423C260BCB55B012LL;
        int8_t ***l_291 = (void*)0;
        int8_t ****l_290[4][1];
        uint8_t *l_293 = (void*)0;
        uint8_t *l_294[1][2];
        int32_t l_295[1][3];
        int32_t *l_296 = &g_50;
        int i, j;
        for (i = 0; i < 4; i++)
        {
            for (j = 0; j < 1; j++)
                l_290[i][j] = &l_291;
        }
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 2; j++)
                l_294[i][j] = &g_118;
        }
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 3; j++)
                l_295[i][j] = (-1L);
        }
        (*l_296) |= (safe_mul_func_uint8_t_u_u((*l_281), (safe_mul_func_int16_t_s_s(l_287, ((safe_add_func_uint8_t_u_u((l_295[0][1] = ((0xF441L ^ (&g_262 != (g_292[0] = &g_262))) ^ 65535UL)), 3UL)) >= 0xD49497A160B67DD1LL)))));
    }
    else
    { /* block id: 187 */
        int32_t *l_299 = &g_50;
        uint64_t *l_313 = &g_37[0][0];
        int32_t l_333 = 0xDD590934L;
        int32_t l_334 = 0xC918A1D3L;
        for (l_238 = 20; (l_238 > 7); l_238 = safe_sub_func_int32_t_s_s(l_238, 6))
        { /* block id: 190 */
            int32_t l_307 = (-1L);
            uint16_t *l_308 = &g_98;
            int8_t *l_311[2];
            int32_t l_329 = 1L;
            int32_t l_332[3];
            int i;
            for (i = 0; i < 2; i++)
                l_311[i] = &g_247;
            for (i = 0; i < 3; i++)
                l_332[i] = (-4L);
        }
        (*l_299) ^= (**l_282);
        (*p_21) = (*p_21);
        for (g_98 = 0; (g_98 != 49); g_98 = safe_add_func_uint32_t_u_u(g_98, 7))
        { /* block id: 209 */
            for (l_312 = 0; (l_312 > (-16)); l_312--)
            { /* block id: 212 */
                (*l_281) &= (+g_51.f0);
            }
        }
    }
    (*l_282) = ((((*l_344) = l_236) != l_237[0][0]) , (*l_282));
    return l_348[0];
}


/* ------------------------------------------ */
/* 
 * reads : g_6.f0 g_25 g_36 g_38 g_17 g_197 g_137 g_49 g_50 g_162 g_118 g_85 g_73 g_74 g_37 g_51 g_53 g_91 g_98 g_88 g_144 g_147 g_212 g_215
 * writes: g_27 g_17 g_197 g_50 g_118 g_25 g_49 g_51 g_91 g_98 g_6 g_137 g_144 g_147 g_85
 */
static const struct S0  func_22(struct S0 * p_23)
{ /* block id: 6 */
    int32_t *l_24 = &g_25;
    uint64_t *l_26 = &g_27[0];
    int64_t *l_196 = &g_197;
    uint8_t *l_206 = &g_118;
    int16_t *l_213 = &g_85[1];
    int32_t l_214[2];
    int i;
    for (i = 0; i < 2; i++)
        l_214[i] = (-1L);
    (*g_49) &= ((g_6.f0 , ((((*l_26) = ((void*)0 == l_24)) != ((((safe_add_func_int8_t_s_s((*l_24), (safe_sub_func_int64_t_s_s(((*l_196) ^= func_32((g_36 == &g_37[0][0]), g_38, l_24)), (*l_24))))) > 0x85FAA40F040C40D8LL) != g_137) | (*l_24))) , (*l_24))) & (*l_24));
    (*g_212) = func_41((*g_162), l_196, (safe_rshift_func_uint16_t_u_s(0UL, (((safe_div_func_int32_t_s_s(((*l_24) = (((safe_add_func_int32_t_s_s((*l_24), ((((safe_mod_func_uint8_t_u_u((--(*l_206)), (safe_div_func_int64_t_s_s(((*l_196) |= ((~(*l_24)) >= (*l_24))), 1L)))) , (*l_24)) & 0x35BFF91AL) != 0x7B596F503D315932LL))) >= (-4L)) , 6L)), g_85[1])) ^ (*g_73)) && 1UL))));
    l_214[0] &= ((*l_24) ^= (((((*l_213) = g_118) , l_24) != (void*)0) || g_137));
    return g_215;
}


/* ------------------------------------------ */
/* 
 * reads : g_17
 * writes: g_17
 */
static int64_t  func_32(int32_t  p_33, struct S0 * const  p_34, const int32_t * p_35)
{ /* block id: 8 */
    int32_t *l_45 = &g_25;
    for (g_17 = (-8); (g_17 >= (-5)); g_17 = safe_add_func_int8_t_s_s(g_17, 7))
    { /* block id: 11 */
        uint64_t *l_46 = &g_37[0][2];
    }
    return p_33;
}


/* ------------------------------------------ */
/* 
 * reads : g_37 g_25 g_51 g_53 g_49 g_50 g_6.f0 g_73 g_91 g_98 g_36 g_118 g_17 g_85 g_88 g_137 g_144 g_147 g_162 g_197
 * writes: g_49 g_51 g_50 g_37 g_91 g_98 g_6 g_137 g_144 g_147 g_197
 */
static int32_t * func_41(int32_t * p_42, uint64_t * p_43, const int64_t  p_44)
{ /* block id: 12 */
    uint32_t l_48 = 18446744073709551606UL;
    int32_t *l_54 = &g_50;
    int32_t *l_57 = &g_50;
    uint16_t l_69 = 3UL;
    int16_t l_72 = 0L;
    struct S0 *l_76 = &g_6;
    int32_t l_86 = 0xCA4024FFL;
    int32_t l_87 = 0L;
    int8_t **l_127 = &g_73;
    int32_t l_134 = 0x455E0D3EL;
    if ((+(l_48 | ((((g_37[0][0] != g_25) | ((g_49 = &g_25) != p_42)) ^ (*p_42)) & 0x8EL))))
    { /* block id: 14 */
        int32_t **l_56[3][3] = {{&l_54,&g_49,&g_49},{&l_54,&g_49,&g_49},{&l_54,&g_49,&g_49}};
        int i, j;
        (*g_53) = g_51;
lbl_94:
        l_54 = l_54;
        if ((l_54 != (l_57 = l_54)))
        { /* block id: 18 */
            for (l_48 = (-15); (l_48 >= 4); l_48 = safe_add_func_int32_t_s_s(l_48, 7))
            { /* block id: 21 */
                uint16_t l_60 = 0xDBFAL;
                --l_60;
                (*l_54) &= (*g_49);
            }
        }
        else
        { /* block id: 25 */
            int32_t ** const l_68 = &l_54;
            int32_t l_80 = 0x3AA688ECL;
            int32_t l_89 = 0L;
            int32_t l_90 = 0L;
            int16_t l_102 = 0xC8F7L;
            if ((*p_42))
            { /* block id: 26 */
                (*l_57) &= (*g_49);
                return p_42;
            }
            else
            { /* block id: 29 */
                int8_t l_70 = 0xACL;
                int8_t *l_71[3];
                int8_t **l_75 = &l_71[2];
                struct S0 *l_79 = (void*)0;
                int32_t l_81 = 0x409415F9L;
                int32_t l_82 = 0L;
                int32_t l_84 = 0x7436F42BL;
                int i;
                for (i = 0; i < 3; i++)
                    l_71[i] = &l_70;
                (**l_68) = ((l_72 = (safe_mul_func_int16_t_s_s(((g_6.f0 , l_54) != ((((((+(safe_add_func_uint16_t_u_u((((*p_43) = (((l_68 == (void*)0) > g_25) ^ p_44)) >= 0xED870B1CB45490A9LL), 0xE8DAL))) && l_69) < l_70) != 0L) != g_50) , (void*)0)), (-8L)))) != 7UL);
                if (g_25)
                    goto lbl_101;
                l_80 &= ((*l_57) = (((g_73 == ((*l_75) = &g_74)) ^ 18446744073709551608UL) != (l_76 == ((--(*p_43)) , l_79))));
                --g_91;
            }
            for (g_50 = 1; (g_50 >= 0); g_50 -= 1)
            { /* block id: 41 */
                return &g_50;
            }
            if ((*g_49))
            { /* block id: 44 */
                uint16_t l_95 = 6UL;
                if (l_48)
                    goto lbl_94;
                l_95++;
                (*l_68) = p_42;
            }
            else
            { /* block id: 48 */
lbl_101:
                g_98--;
                (*l_76) = (l_102 , (*g_53));
            }
            return p_42;
        }
        (*l_54) = (*p_42);
    }
    else
    { /* block id: 56 */
        int16_t l_107 = 0x5002L;
        int32_t *l_108 = (void*)0;
        int32_t *l_129 = &l_86;
        int32_t l_132 = 0x47EBAEA5L;
        int32_t l_136 = 0x0E7BB6F3L;
        int32_t *l_141 = &l_86;
        int32_t *l_142 = &l_134;
        int32_t *l_143[3][2];
        int i, j;
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 2; j++)
                l_143[i][j] = &g_50;
        }
        for (l_69 = 0; (l_69 < 43); l_69 = safe_add_func_uint32_t_u_u(l_69, 6))
        { /* block id: 59 */
            const uint64_t l_109 = 18446744073709551614UL;
            int32_t l_133 = 0L;
            int32_t l_135[1][2];
            int32_t **l_140 = &l_57;
            int i, j;
            for (i = 0; i < 1; i++)
            {
                for (j = 0; j < 2; j++)
                    l_135[i][j] = 0xC87C1BE5L;
            }
            for (l_72 = 15; (l_72 > 15); l_72 = safe_add_func_int16_t_s_s(l_72, 4))
            { /* block id: 62 */
                if (l_107)
                    break;
                return l_108;
            }
            if ((l_109 , (l_109 ^ (safe_rshift_func_uint8_t_u_s((0xF0035E4DL && ((((safe_mul_func_int16_t_s_s((((*g_36) && ((safe_mod_func_int16_t_s_s((safe_add_func_uint16_t_u_u((g_118 ^ l_109), g_50)), g_37[0][0])) , (*p_43))) < g_17), g_50)) || 0xD8L) > 0UL) >= 0xE412C475L)), 3)))))
            { /* block id: 66 */
                uint16_t l_119 = 0x6D51L;
                uint16_t *l_128 = &g_98;
                int32_t **l_130[1];
                int i;
                for (i = 0; i < 1; i++)
                    l_130[i] = &l_54;
                (*l_54) = ((((((l_119 & (l_119 ^ g_85[1])) | (((p_44 ^ (safe_mod_func_uint16_t_u_u(((!(safe_lshift_func_uint16_t_u_s(((*l_128) = (safe_mul_func_uint8_t_u_u((l_127 == (void*)0), 0x8CL))), 13))) || g_50), g_118))) | g_88) > 0UL)) <= p_44) > (*p_43)) , l_119) , l_109);
                g_49 = l_129;
                g_49 = p_42;
            }
            else
            { /* block id: 71 */
                int32_t *l_131[1][4];
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 4; j++)
                        l_131[i][j] = &l_87;
                }
                ++g_137;
            }
            (*l_140) = &l_87;
        }
        ++g_144;
        g_147++;
    }
    for (g_144 = 24; (g_144 >= 31); ++g_144)
    { /* block id: 81 */
        int8_t l_155 = 1L;
        int32_t *l_161 = &l_87;
        int32_t l_168 = (-1L);
        int32_t l_169 = 0L;
        int32_t l_170[4][4] = {{0xD863CB28L,0x2570141FL,0x2570141FL,0xD863CB28L},{0xD863CB28L,0x2570141FL,0x2570141FL,0xD863CB28L},{0xD863CB28L,0x2570141FL,0x2570141FL,0xD863CB28L},{0xD863CB28L,0x2570141FL,0x2570141FL,0xD863CB28L}};
        int32_t l_171[2];
        int16_t l_173 = 0x155CL;
        int i, j;
        for (i = 0; i < 2; i++)
            l_171[i] = 0xC78AF0DFL;
    }
    for (g_98 = 0; (g_98 <= 1); g_98 += 1)
    { /* block id: 128 */
        if ((*g_49))
            break;
        return p_42;
    }
    return (*g_162);
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_6.f0, "g_6.f0", print_hash_value);
    transparent_crc(g_17, "g_17", print_hash_value);
    transparent_crc(g_25, "g_25", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_27[i], "g_27[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_37[i][j], "g_37[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_50, "g_50", print_hash_value);
    transparent_crc(g_51.f0, "g_51.f0", print_hash_value);
    transparent_crc(g_74, "g_74", print_hash_value);
    transparent_crc(g_83, "g_83", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_85[i], "g_85[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_88, "g_88", print_hash_value);
    transparent_crc(g_91, "g_91", print_hash_value);
    transparent_crc(g_98, "g_98", print_hash_value);
    transparent_crc(g_118, "g_118", print_hash_value);
    transparent_crc(g_137, "g_137", print_hash_value);
    transparent_crc(g_144, "g_144", print_hash_value);
    transparent_crc(g_147, "g_147", print_hash_value);
    transparent_crc(g_174, "g_174", print_hash_value);
    transparent_crc(g_197, "g_197", print_hash_value);
    transparent_crc(g_215.f0, "g_215.f0", print_hash_value);
    transparent_crc(g_243.f0, "g_243.f0", print_hash_value);
    transparent_crc(g_247, "g_247", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_314[i].f0, "g_314[i].f0", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_386, "g_386", print_hash_value);
    transparent_crc(g_439.f0, "g_439.f0", print_hash_value);
    transparent_crc(g_572, "g_572", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 185
   depth: 1, occurrence: 5
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 1
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 19
breakdown:
   indirect level: 0, occurrence: 5
   indirect level: 1, occurrence: 9
   indirect level: 2, occurrence: 1
   indirect level: 3, occurrence: 1
   indirect level: 4, occurrence: 2
   indirect level: 5, occurrence: 1
XXX full-bitfields structs in the program: 5
breakdown:
   indirect level: 0, occurrence: 5
XXX times a bitfields struct's address is taken: 12
XXX times a bitfields struct on LHS: 1
XXX times a bitfields struct on RHS: 5
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 10

XXX max expression depth: 24
breakdown:
   depth: 1, occurrence: 131
   depth: 2, occurrence: 26
   depth: 3, occurrence: 3
   depth: 4, occurrence: 2
   depth: 5, occurrence: 3
   depth: 6, occurrence: 1
   depth: 7, occurrence: 1
   depth: 8, occurrence: 1
   depth: 9, occurrence: 1
   depth: 10, occurrence: 2
   depth: 11, occurrence: 2
   depth: 15, occurrence: 2
   depth: 17, occurrence: 6
   depth: 20, occurrence: 1
   depth: 24, occurrence: 3

XXX total number of pointers: 185

XXX times a variable address is taken: 184
XXX times a pointer is dereferenced on RHS: 89
breakdown:
   depth: 1, occurrence: 81
   depth: 2, occurrence: 8
XXX times a pointer is dereferenced on LHS: 99
breakdown:
   depth: 1, occurrence: 96
   depth: 2, occurrence: 3
XXX times a pointer is compared with null: 12
XXX times a pointer is compared with address of another variable: 2
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 2215

XXX max dereference level: 2
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 660
   level: 2, occurrence: 49
XXX number of pointers point to pointers: 68
XXX number of pointers point to scalars: 92
XXX number of pointers point to structs: 25
XXX percent of pointers has null in alias set: 20
XXX average alias set size: 1.32

XXX times a non-volatile is read: 460
XXX times a non-volatile is write: 286
XXX times a volatile is read: 42
XXX    times read thru a pointer: 2
XXX times a volatile is write: 15
XXX    times written thru a pointer: 1
XXX times a volatile is available for access: 1.8e+03
XXX percentage of non-volatile access: 92.9

XXX forward jumps: 1
XXX backward jumps: 4

XXX stmts: 125
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 26
   depth: 1, occurrence: 26
   depth: 2, occurrence: 33
   depth: 3, occurrence: 40

XXX percentage a fresh-made variable is used: 20.2
XXX percentage an existing variable is used: 79.8
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

