/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 2941624258 --no-argc --max-funcs 12 --max-block-depth 2 --max-expr-complexity 3 --max-array-dim 1 --max-array-len-per-dim 3 --max-struct-fields 3 --no-inline-function
 * Seed:      2941624258
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
struct S0 {
   unsigned f0 : 15;
   const volatile unsigned f1 : 8;
};

/* --- GLOBAL VARIABLES --- */
static int32_t g_2 = 0L;
static uint32_t g_6 = 0x8748AFA2L;
static uint64_t g_7[2] = {0x1D962EE6D058A835LL,0x1D962EE6D058A835LL};
static int32_t ** volatile g_9 = (void*)0;/* VOLATILE GLOBAL g_9 */
static uint16_t g_21[3] = {0xA90CL,0xA90CL,0xA90CL};
static uint16_t g_37[3] = {0x95A2L,0x95A2L,0x95A2L};
static int32_t g_64 = 0x6A6B93DCL;
static int32_t * volatile g_63 = &g_64;/* VOLATILE GLOBAL g_63 */
static int32_t g_82 = 0x30988A21L;
static int32_t * volatile g_81 = &g_82;/* VOLATILE GLOBAL g_81 */
static const uint16_t g_116 = 0x4519L;
static int32_t g_118 = (-5L);
static int32_t g_123[2] = {1L,1L};
static uint16_t g_124 = 8UL;
static volatile uint16_t g_132 = 0xA555L;/* VOLATILE GLOBAL g_132 */
static int32_t *g_136 = &g_2;
static int32_t **g_135 = &g_136;
static uint32_t g_152 = 0UL;
static uint32_t g_153 = 0UL;
static uint16_t g_154[1] = {0x57B9L};
static uint32_t g_160 = 0x2BA1A25AL;
static uint64_t g_164[1] = {18446744073709551614UL};
static uint16_t **g_168 = (void*)0;
static uint16_t *** volatile g_167 = &g_168;/* VOLATILE GLOBAL g_167 */
static int32_t g_186[1] = {7L};
static int16_t g_206 = 1L;
static int8_t g_209 = 0x59L;
static int32_t g_224 = (-1L);
static int32_t * volatile g_223 = &g_224;/* VOLATILE GLOBAL g_223 */
static struct S0 g_225[1] = {{89,5}};
static int64_t g_227 = 0x57D1920F26A5D6F3LL;
static uint16_t g_228 = 0x1467L;
static int8_t *g_246 = &g_209;
static uint8_t g_247 = 1UL;
static int32_t * volatile g_280 = &g_186[0];/* VOLATILE GLOBAL g_280 */
static int32_t g_293 = 0xB5768781L;
static int32_t * volatile g_322 = (void*)0;/* VOLATILE GLOBAL g_322 */
static int32_t *** volatile g_325 = &g_135;/* VOLATILE GLOBAL g_325 */
static uint32_t *g_327 = &g_6;
static uint32_t ** volatile g_326 = &g_327;/* VOLATILE GLOBAL g_326 */
static uint32_t ** volatile * volatile g_328 = (void*)0;/* VOLATILE GLOBAL g_328 */
static uint32_t g_346 = 4294967295UL;
static int32_t ** volatile g_389 = &g_136;/* VOLATILE GLOBAL g_389 */
static const volatile int32_t g_399[2] = {(-1L),(-1L)};
static int32_t * volatile g_421 = &g_118;/* VOLATILE GLOBAL g_421 */
static volatile int16_t * const * volatile g_432 = (void*)0;/* VOLATILE GLOBAL g_432 */
static volatile int16_t * const * volatile * volatile g_433 = &g_432;/* VOLATILE GLOBAL g_433 */
static uint32_t g_434 = 0xBE53A59DL;
static int8_t g_444 = (-1L);
static struct S0 g_447 = {172,7};/* VOLATILE GLOBAL g_447 */
static int32_t * volatile g_468[1] = {&g_64};


/* --- FORWARD DECLARATIONS --- */
static int8_t  func_1(void);
static uint32_t  func_26(uint16_t * p_27, uint16_t * p_28, uint64_t  p_29, int32_t * p_30);
static uint16_t * func_31(uint32_t  p_32, uint32_t  p_33, int32_t ** p_34, int32_t * p_35);
static int16_t  func_40(uint64_t  p_41);
static int32_t * const  func_51(uint64_t  p_52, uint16_t * p_53, uint32_t  p_54, const int64_t  p_55);
static int32_t * func_65(uint16_t * p_66, const int32_t * const  p_67, int64_t  p_68, int64_t  p_69);
static uint16_t * func_70(uint16_t * p_71, uint64_t  p_72, int32_t * p_73, int32_t * p_74);
static uint16_t  func_83(uint8_t  p_84);
static uint8_t  func_87(int8_t  p_88, uint16_t * p_89, uint64_t  p_90, uint64_t  p_91, int8_t  p_92);
static struct S0  func_99(uint16_t  p_100, uint16_t * p_101, int8_t  p_102, uint32_t  p_103);
static int16_t  func_104(const uint16_t * p_105, int32_t * p_106);
static int64_t  func_119(uint32_t  p_120, uint32_t * const  p_121);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_2 g_7 g_21 g_6 g_37 g_63 g_64 g_81 g_82 g_118 g_124 g_132 g_135 g_136 g_123 g_186 g_160 g_167 g_153 g_154 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164 g_280 g_206 g_293 g_325 g_326 g_346 g_389 g_327 g_227 g_399 g_421 g_432 g_433 g_434 g_447 g_468
 * writes: g_2 g_6 g_7 g_21 g_64 g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160 g_326 g_346 g_37 g_432 g_444 g_468
 */
static int8_t  func_1(void)
{ /* block id: 0 */
    int32_t *l_8 = &g_2;
    int32_t *l_11 = &g_2;
    int32_t *l_12[3];
    uint64_t l_13 = 9UL;
    uint16_t *l_20 = &g_21[1];
    int64_t ***l_442 = (void*)0;
    uint32_t l_454 = 4294967295UL;
    int8_t l_466 = 1L;
    int i;
    for (i = 0; i < 3; i++)
        l_12[i] = &g_2;
    for (g_2 = 0; (g_2 == 3); g_2++)
    { /* block id: 3 */
        int32_t *l_5[1];
        int32_t **l_10 = &l_5[0];
        int i;
        for (i = 0; i < 1; i++)
            l_5[i] = (void*)0;
        g_7[0] ^= (g_6 = g_2);
        (*l_10) = l_8;
    }
    ++l_13;
    if (((safe_mul_func_int8_t_s_s(((safe_lshift_func_uint16_t_u_u((++(*l_20)), (g_2 || (((safe_mod_func_uint32_t_u_u((func_26(func_31(g_7[1], g_2, &l_8, &g_2), &g_37[2], g_7[0], l_8) <= 1UL), g_123[0])) > g_225[0].f0) , 0x78L)))) >= g_434), 1UL)) , 0x6610CB2DL))
    { /* block id: 258 */
        int64_t ***l_441 = (void*)0;
        int8_t *l_443 = &g_444;
        int32_t l_445 = 9L;
        uint16_t *l_448[3];
        int i;
        for (i = 0; i < 3; i++)
            l_448[i] = (void*)0;
        if ((safe_div_func_int64_t_s_s(((safe_mul_func_int8_t_s_s((safe_add_func_int8_t_s_s((*g_246), ((*l_443) = (((l_441 = (g_399[1] , (void*)0)) == l_442) ^ 0x907DB31DB0B43FCBLL)))), l_445)) >= 0x44C5L), l_445)))
        { /* block id: 261 */
            int16_t **l_446 = (void*)0;
            int8_t l_449 = 1L;
            (*l_11) |= (l_446 != (g_447 , l_446));
            l_449 &= (func_99(l_445, (l_448[1] = l_448[1]), (*l_11), (**g_326)) , 0x5CB7AA84L);
        }
        else
        { /* block id: 265 */
            int32_t l_450[1];
            int i;
            for (i = 0; i < 1; i++)
                l_450[i] = 1L;
            return l_450[0];
        }
        if ((*l_8))
        { /* block id: 268 */
            return (*g_246);
        }
        else
        { /* block id: 270 */
            int32_t l_451 = 0x23B46362L;
            l_451 = (*l_11);
            (*g_135) = (*g_389);
        }
    }
    else
    { /* block id: 274 */
        int64_t l_452 = (-2L);
        int32_t l_453[2];
        const int64_t l_467 = (-1L);
        int32_t * volatile *l_469 = &g_468[0];
        int32_t **l_476 = &g_136;
        int i;
        for (i = 0; i < 2; i++)
            l_453[i] = 0L;
        l_454++;
        (*l_469) = ((safe_sub_func_int32_t_s_s((+(((((safe_mod_func_uint8_t_u_u((safe_div_func_int32_t_s_s(((safe_div_func_int32_t_s_s((g_7[0] | 0x2C73L), (*l_8))) == g_118), l_452)), l_466)) , g_64) > l_453[0]) != 0x7A590E5DL) & l_467)), 4294967295UL)) , g_468[0]);
        for (g_2 = 0; (g_2 <= 2); g_2 = safe_add_func_int8_t_s_s(g_2, 7))
        { /* block id: 279 */
            uint64_t l_472 = 0x9F798D34F71C3AF1LL;
            int32_t l_477 = 0x27E922CFL;
        }
    }
    return (*g_246);
}


/* ------------------------------------------ */
/* 
 * reads : g_6 g_2 g_37 g_63 g_64 g_7 g_81 g_82 g_118 g_124 g_132 g_135 g_136 g_123 g_186 g_160 g_167 g_153 g_154 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164 g_280 g_206 g_293 g_325 g_326 g_346 g_389 g_327 g_227 g_399 g_421 g_432 g_433
 * writes: g_6 g_2 g_64 g_7 g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160 g_326 g_346 g_37 g_432
 */
static uint32_t  func_26(uint16_t * p_27, uint16_t * p_28, uint64_t  p_29, int32_t * p_30)
{ /* block id: 12 */
    const int32_t *l_39[2];
    const int32_t **l_38 = &l_39[1];
    uint32_t *l_44 = &g_6;
    int32_t l_47 = 0x8A88ACC1L;
    uint8_t l_419 = 0UL;
    int i;
    for (i = 0; i < 2; i++)
        l_39[i] = &g_2;
    if (((l_38 == (func_40((((safe_mod_func_uint32_t_u_u((++(*l_44)), (**l_38))) >= l_47) > g_37[1])) , (*g_325))) , l_419))
    { /* block id: 247 */
        int32_t ** const *l_420 = &g_135;
        (*g_135) = (*g_389);
        (*g_421) ^= ((*p_27) == (((((l_47 |= (l_420 == l_420)) | 0x2960442D2853DDCFLL) <= (*p_30)) || (*p_30)) ^ p_29));
    }
    else
    { /* block id: 251 */
        int16_t *l_426 = &g_206;
        int32_t l_429[2];
        int i;
        for (i = 0; i < 2; i++)
            l_429[i] = 0L;
        l_47 |= (safe_add_func_int16_t_s_s(((*l_426) = ((safe_sub_func_uint16_t_u_u((((*g_246) = (*g_246)) != 1L), (**l_38))) ^ (*p_30))), g_64));
        (*g_433) = (((safe_sub_func_int32_t_s_s(((l_429[0] > ((((safe_sub_func_uint16_t_u_u(0x384EL, (*p_27))) , (**l_38)) < l_429[0]) && l_429[1])) >= p_29), 0xFDEB9E80L)) <= g_82) , g_432);
    }
    return p_29;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static uint16_t * func_31(uint32_t  p_32, uint32_t  p_33, int32_t ** p_34, int32_t * p_35)
{ /* block id: 10 */
    uint16_t *l_36 = &g_37[1];
    return l_36;
}


/* ------------------------------------------ */
/* 
 * reads : g_2 g_6 g_37 g_63 g_64 g_7 g_81 g_82 g_118 g_124 g_132 g_135 g_136 g_123 g_186 g_160 g_167 g_153 g_154 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164 g_280 g_206 g_293 g_325 g_326 g_346 g_389 g_327 g_227 g_399
 * writes: g_6 g_2 g_64 g_7 g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160 g_326 g_346 g_37
 */
static int16_t  func_40(uint64_t  p_41)
{ /* block id: 14 */
    uint32_t l_50 = 0x289ED5B6L;
    uint16_t *l_56 = &g_37[1];
    int32_t *l_418[3];
    int i;
    for (i = 0; i < 3; i++)
        l_418[i] = &g_64;
    if (((safe_rshift_func_int8_t_s_s(l_50, 6)) | p_41))
    { /* block id: 15 */
        return l_50;
    }
    else
    { /* block id: 17 */
        int32_t **l_414[1];
        int32_t **l_415 = &g_136;
        int i;
        for (i = 0; i < 1; i++)
            l_414[i] = &g_136;
        (*l_415) = func_51(p_41, l_56, g_2, l_50);
        for (g_227 = 0; (g_227 <= 22); g_227 = safe_add_func_uint64_t_u_u(g_227, 8))
        { /* block id: 240 */
            l_418[1] = ((*g_135) = (**g_325));
            return p_41;
        }
        return g_399[0];
    }
}


/* ------------------------------------------ */
/* 
 * reads : g_6 g_37 g_63 g_64 g_7 g_81 g_82 g_118 g_124 g_132 g_135 g_136 g_123 g_186 g_2 g_160 g_167 g_153 g_154 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164 g_280 g_206 g_293 g_325 g_326 g_346 g_389 g_327
 * writes: g_6 g_2 g_64 g_7 g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160 g_326 g_346 g_37
 */
static int32_t * const  func_51(uint64_t  p_52, uint16_t * p_53, uint32_t  p_54, const int64_t  p_55)
{ /* block id: 18 */
    uint64_t l_76 = 0UL;
    int32_t *l_77 = &g_64;
    int32_t * const *l_412 = (void*)0;
    uint16_t *l_413 = (void*)0;
    for (g_6 = 0; (g_6 == 58); g_6++)
    { /* block id: 21 */
        int32_t *l_61 = &g_2;
        uint16_t *l_75[1];
        int i;
        for (i = 0; i < 1; i++)
            l_75[i] = &g_37[1];
        for (g_2 = (-6); (g_2 < (-28)); g_2 = safe_sub_func_uint16_t_u_u(g_2, 4))
        { /* block id: 24 */
            const int32_t *l_62 = &g_2;
            int32_t *l_78 = &g_2;
            int32_t **l_388 = (void*)0;
            (*g_63) |= ((g_37[2] , l_61) == l_62);
            (*g_389) = func_65(func_70(l_75[0], (g_7[0] ^= (p_52 &= l_76)), l_77, l_78), &g_2, p_54, g_123[1]);
        }
        for (g_346 = 0; (g_346 < 48); g_346 = safe_add_func_int64_t_s_s(g_346, 1))
        { /* block id: 216 */
            uint64_t ***l_392 = (void*)0;
            const uint64_t **l_394 = (void*)0;
            const uint64_t ***l_393 = &l_394;
            int32_t l_404 = 0x8E2104B2L;
            (*l_393) = (void*)0;
        }
    }
    for (l_76 = (-6); (l_76 >= 34); l_76 = safe_add_func_int8_t_s_s(l_76, 8))
    { /* block id: 225 */
        int64_t l_407 = (-2L);
        (*g_136) = (g_206 , l_407);
        for (g_124 = 0; (g_124 <= 31); g_124++)
        { /* block id: 229 */
            (*l_77) &= ((safe_mul_func_int16_t_s_s(p_52, ((*g_136) >= p_52))) < (-1L));
            return (*g_389);
        }
        (*l_77) = (func_99(((*l_77) | ((*p_53) = (((l_412 != (void*)0) >= g_154[0]) , 2UL))), l_413, (*g_246), (*g_327)) , p_54);
    }
    return (**g_325);
}


/* ------------------------------------------ */
/* 
 * reads : g_228 g_135 g_63 g_64 g_136 g_2 g_325 g_81 g_82 g_246 g_209 g_153 g_154 g_280 g_224 g_186 g_37
 * writes: g_228 g_136 g_82 g_186 g_224
 */
static int32_t * func_65(uint16_t * p_66, const int32_t * const  p_67, int64_t  p_68, int64_t  p_69)
{ /* block id: 195 */
    int32_t *l_371 = &g_186[0];
    int32_t l_381 = (-1L);
    int32_t *l_382[2];
    int16_t l_383 = (-1L);
    int32_t l_384 = (-6L);
    uint8_t l_385 = 254UL;
    int i;
    for (i = 0; i < 2; i++)
        l_382[i] = &g_224;
    for (p_68 = 0; (p_68 < 15); ++p_68)
    { /* block id: 198 */
        for (g_228 = (-22); (g_228 < 28); g_228 = safe_add_func_int64_t_s_s(g_228, 9))
        { /* block id: 201 */
            (*g_135) = l_371;
            return l_371;
        }
    }
    l_371 = ((safe_mod_func_uint8_t_u_u(((safe_mod_func_int16_t_s_s(((safe_lshift_func_int8_t_s_u(((~3UL) || 0UL), 4)) <= (*g_63)), l_381)) ^ (**g_135)), 0x41L)) , (**g_325));
    g_224 ^= ((*g_280) = ((*g_81) = (5UL ^ ((((((((((*g_81) <= (*l_371)) , p_68) == 0xA1L) >= p_68) > (*g_246)) ^ g_153) && p_69) || (*p_66)) | (*l_371)))));
    ++l_385;
    return l_371;
}


/* ------------------------------------------ */
/* 
 * reads : g_64 g_63 g_81 g_82 g_37 g_6 g_118 g_7 g_124 g_132 g_135 g_136 g_123 g_2 g_160 g_167 g_153 g_154 g_186 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164 g_280 g_206 g_293 g_325 g_326 g_346
 * writes: g_64 g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160 g_326 g_346
 */
static uint16_t * func_70(uint16_t * p_71, uint64_t  p_72, int32_t * p_73, int32_t * p_74)
{ /* block id: 28 */
    int64_t l_301[2];
    int32_t l_306[3];
    int32_t l_317 = 0xC56C3AD2L;
    int32_t **l_324 = &g_136;
    int32_t l_340 = 8L;
    uint16_t *l_363 = &g_154[0];
    int i;
    for (i = 0; i < 2; i++)
        l_301[i] = (-1L);
    for (i = 0; i < 3; i++)
        l_306[i] = 0x6A5D7A0DL;
    for (g_64 = 27; (g_64 >= (-19)); g_64 = safe_sub_func_uint8_t_u_u(g_64, 1))
    { /* block id: 31 */
        int32_t l_302[1];
        int32_t l_303 = 0x868F2EFBL;
        int32_t l_305[2];
        uint8_t l_307 = 0xB4L;
        int64_t *l_314 = &l_301[1];
        int64_t **l_313 = &l_314;
        uint16_t *l_330 = &g_154[0];
        int i;
        for (i = 0; i < 1; i++)
            l_302[i] = 0x968874FEL;
        for (i = 0; i < 2; i++)
            l_305[i] = 8L;
        (*g_81) = (*g_63);
        if ((*g_81))
            continue;
        if ((0xB805L < func_83((p_72 <= 0x2F90L))))
        { /* block id: 153 */
            int32_t *l_297 = &g_186[0];
            int32_t *l_298 = &g_82;
            int32_t *l_299 = &g_224;
            int32_t *l_300[2];
            int64_t l_304 = 0L;
            int i;
            for (i = 0; i < 2; i++)
                l_300[i] = &g_118;
            --l_307;
        }
        else
        { /* block id: 155 */
            int64_t *l_312 = &l_301[1];
            int64_t **l_311 = &l_312;
            int64_t ***l_310[1];
            int i;
            for (i = 0; i < 1; i++)
                l_310[i] = &l_311;
            l_313 = (void*)0;
            if (l_303)
                break;
            l_317 ^= (l_301[0] , (((safe_mod_func_uint64_t_u_u(0xAB0D4C81C72A2F4FLL, l_306[2])) , 0xAF469C46L) , l_301[1]));
        }
        if (((((((safe_lshift_func_uint16_t_u_s((l_306[0] , (*p_71)), 13)) <= 0x1D881F4751179202LL) , l_301[1]) , (void*)0) != &g_209) < g_293))
        { /* block id: 160 */
            int32_t *l_323 = &g_82;
            (*l_323) = (safe_mul_func_uint8_t_u_u(0x16L, l_306[2]));
            (*g_325) = l_324;
            (*l_323) &= l_307;
        }
        else
        { /* block id: 164 */
            uint32_t ** volatile *l_329 = &g_326;
            if ((**l_324))
                break;
            (*l_329) = g_326;
            return l_330;
        }
    }
    for (g_206 = (-10); (g_206 < 8); g_206++)
    { /* block id: 172 */
        int64_t *l_333[1];
        int32_t l_334 = 0x28B9E667L;
        int32_t l_339 = 0xD801BBE4L;
        int32_t l_341 = 0x1A296D00L;
        int32_t l_342 = 1L;
        int32_t l_343 = 1L;
        int32_t l_344[2];
        int32_t l_345 = 0x3707B3AFL;
        uint32_t * const *l_350 = &g_327;
        uint16_t *l_364 = &g_228;
        int i;
        for (i = 0; i < 1; i++)
            l_333[i] = (void*)0;
        for (i = 0; i < 2; i++)
            l_344[i] = 0xC7542BB3L;
        (*p_73) = ((g_227 = ((g_124 ^ (-6L)) >= (*g_246))) , 1L);
        l_334 |= (*p_74);
        for (g_160 = 0; (g_160 >= 58); g_160 = safe_add_func_int8_t_s_s(g_160, 4))
        { /* block id: 178 */
            int32_t *l_337 = &g_186[0];
            int32_t *l_338[3];
            uint32_t ***l_349[1];
            uint64_t *l_361 = &g_164[0];
            int i;
            for (i = 0; i < 3; i++)
                l_338[i] = (void*)0;
            for (i = 0; i < 1; i++)
                l_349[i] = (void*)0;
            g_346--;
            l_350 = (void*)0;
            (*g_81) = (safe_add_func_uint64_t_u_u((safe_div_func_uint32_t_u_u((safe_rshift_func_uint8_t_u_s(0UL, 1)), ((*l_337) = (l_344[0] = (safe_mod_func_uint64_t_u_u(((*l_361) = ((((safe_mod_func_uint8_t_u_u((1UL ^ p_72), p_72)) | p_72) , (void*)0) != &l_341)), 0x9566D86F12B3CD86LL)))))), g_160));
        }
        if ((l_339 = (l_306[0] &= (+(l_363 != (void*)0)))))
        { /* block id: 188 */
            return l_364;
        }
        else
        { /* block id: 190 */
            uint16_t **l_365 = &l_363;
            int32_t l_366 = 9L;
            l_366 ^= ((((void*)0 == l_365) < (*g_246)) & g_64);
        }
    }
    return l_363;
}


/* ------------------------------------------ */
/* 
 * reads : g_37 g_6 g_82 g_118 g_7 g_124 g_132 g_135 g_63 g_64 g_136 g_81 g_123 g_2 g_160 g_167 g_153 g_154 g_186 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164 g_280 g_206
 * writes: g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160
 */
static uint16_t  func_83(uint8_t  p_84)
{ /* block id: 34 */
    int64_t l_93[3];
    const uint32_t l_96 = 7UL;
    int32_t *l_281[3];
    uint64_t l_289[2];
    int32_t l_292 = 0x02CAED80L;
    int i;
    for (i = 0; i < 3; i++)
        l_93[i] = 0x5DF1D979388B32A1LL;
    for (i = 0; i < 3; i++)
        l_281[i] = &g_2;
    for (i = 0; i < 2; i++)
        l_289[i] = 0UL;
    (*g_280) = (safe_sub_func_uint8_t_u_u(func_87(l_93[1], ((safe_lshift_func_int8_t_s_s(l_96, 3)) , (void*)0), g_37[0], p_84, g_6), 0x6AL));
    (*g_135) = l_281[2];
    for (g_224 = 0; (g_224 <= (-17)); g_224 = safe_sub_func_uint32_t_u_u(g_224, 8))
    { /* block id: 147 */
        int8_t l_284 = 0x56L;
        int32_t l_285 = (-10L);
        int32_t l_286 = 0L;
        int32_t l_287 = (-5L);
        int32_t l_288[3];
        uint32_t l_294 = 0x37148D7FL;
        int i;
        for (i = 0; i < 3; i++)
            l_288[i] = 1L;
        --l_289[1];
        l_294--;
    }
    (*g_223) = ((p_84 > p_84) ^ (-4L));
    return g_206;
}


/* ------------------------------------------ */
/* 
 * reads : g_82 g_37 g_118 g_7 g_124 g_132 g_135 g_6 g_63 g_64 g_136 g_81 g_123 g_2 g_160 g_167 g_153 g_154 g_186 g_223 g_224 g_225 g_228 g_116 g_247 g_246 g_209 g_164
 * writes: g_82 g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224 g_227 g_228 g_206 g_246 g_247 g_160
 */
static uint8_t  func_87(int8_t  p_88, uint16_t * p_89, uint64_t  p_90, uint64_t  p_91, int8_t  p_92)
{ /* block id: 35 */
    int32_t *l_107[3];
    int32_t l_110[2];
    const int16_t l_254 = 0x357AL;
    uint8_t l_275 = 1UL;
    int i;
    for (i = 0; i < 3; i++)
        l_107[i] = &g_2;
    for (i = 0; i < 2; i++)
        l_110[i] = 0x3B18A503L;
    for (g_82 = 0; (g_82 != 24); g_82 = safe_add_func_uint16_t_u_u(g_82, 1))
    { /* block id: 38 */
        int32_t l_109 = 2L;
        int64_t *l_226[1];
        uint16_t l_233 = 1UL;
        int16_t *l_242 = &g_206;
        int8_t *l_245[1];
        int8_t **l_244[1];
        uint8_t l_257 = 1UL;
        int i;
        for (i = 0; i < 1; i++)
            l_226[i] = &g_227;
        for (i = 0; i < 1; i++)
            l_245[i] = (void*)0;
        for (i = 0; i < 1; i++)
            l_244[i] = &l_245[0];
        g_228 |= (((g_227 = (func_99(((func_104(&g_37[1], l_107[0]) ^ p_90) <= l_109), &g_37[1], p_88, l_110[1]) , p_88)) , g_37[1]) || 1UL);
        l_109 ^= ((((((safe_mod_func_uint64_t_u_u(((((((((safe_div_func_uint32_t_u_u(p_92, p_88)) , p_89) == (void*)0) || 1UL) >= p_88) , 0xDF72L) | l_233) , g_7[1]), 0x55D285D8708D74EDLL)) > p_92) && p_88) | g_7[1]) , p_88) != g_153);
        if ((safe_add_func_int8_t_s_s(((safe_div_func_int16_t_s_s(((((safe_rshift_func_uint16_t_u_s(((safe_rshift_func_int16_t_s_u(((*l_242) = l_109), 15)) , (((!(l_109 = ((g_246 = &g_209) != (void*)0))) & 0x345C93C72FFF60D3LL) , 0x170DL)), l_233)) == l_233) || g_116) | g_154[0]), l_233)) & l_233), l_233)))
        { /* block id: 118 */
            return g_247;
        }
        else
        { /* block id: 120 */
            uint8_t *l_249 = &g_247;
            int32_t l_250 = 0xB7011B64L;
            uint64_t l_251 = 18446744073709551614UL;
            int32_t l_255 = (-1L);
            int32_t l_256[3];
            int i;
            for (i = 0; i < 3; i++)
                l_256[i] = (-1L);
            l_109 = (safe_unary_minus_func_uint8_t_u(((*l_249) = 1UL)));
            l_251--;
            if (l_254)
                continue;
            l_257--;
        }
    }
    if ((0xB84EC6A1L | (g_224 != 9L)))
    { /* block id: 128 */
        uint32_t *l_263 = (void*)0;
        uint32_t *l_264 = &g_160;
        int32_t l_269 = 0x9EC8A6BBL;
        (*g_81) = p_91;
        if ((((safe_rshift_func_uint8_t_u_u(((~((*l_264) = 0x4FACFC06L)) <= (safe_add_func_uint8_t_u_u(((safe_rshift_func_uint8_t_u_u(((0xA38D345EL && p_91) <= (*g_63)), 1)) > (*g_246)), 6UL))), g_37[1])) == g_82) == l_269))
        { /* block id: 131 */
            (*g_135) = (*g_135);
        }
        else
        { /* block id: 133 */
            return g_164[0];
        }
        return p_90;
    }
    else
    { /* block id: 137 */
        uint16_t l_272 = 1UL;
        int32_t l_273 = 0x2C4ED4F8L;
        int32_t l_274[3];
        int i;
        for (i = 0; i < 3; i++)
            l_274[i] = 0xE8C40D49L;
        l_272 = (&g_136 == ((safe_mod_func_int64_t_s_s(0x8D692E5476D4B34DLL, 0xABCACFD497B5192CLL)) , &l_107[2]));
        --l_275;
        l_273 ^= (p_88 | (safe_rshift_func_uint16_t_u_u((p_90 < 0x7225953B077A0422LL), 12)));
    }
    return g_2;
}


/* ------------------------------------------ */
/* 
 * reads : g_37 g_118 g_7 g_124 g_132 g_135 g_6 g_63 g_64 g_136 g_81 g_82 g_123 g_2 g_160 g_167 g_153 g_154 g_186 g_223 g_224 g_225
 * writes: g_118 g_124 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209 g_224
 */
static struct S0  func_99(uint16_t  p_100, uint16_t * p_101, int8_t  p_102, uint32_t  p_103)
{ /* block id: 42 */
    int16_t l_111 = 1L;
    int32_t *l_113 = &g_82;
    int32_t **l_112 = &l_113;
    const uint16_t *l_115 = &g_116;
    const uint16_t **l_114 = &l_115;
    int32_t *l_117 = &g_118;
    uint32_t l_213[3];
    uint32_t l_222 = 1UL;
    int i;
    for (i = 0; i < 3; i++)
        l_213[i] = 0x43C1BBC4L;
    (*l_117) |= func_104(((*l_114) = func_31(l_111, g_37[1], l_112, (*l_112))), (*l_112));
    (*l_117) = (g_7[0] > func_119(((&l_113 == &l_113) || 1UL), &g_6));
    ++l_213[0];
    (*g_223) ^= (((g_37[1] , ((((safe_mul_func_uint8_t_u_u((safe_div_func_int8_t_s_s((safe_div_func_int8_t_s_s((l_222 = (*l_113)), g_160)), g_186[0])), 1L)) , 0xCB57D1ACL) ^ (*g_136)) <= g_7[0])) != (*l_117)) && 0x684A9858L);
    return g_225[0];
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int16_t  func_104(const uint16_t * p_105, int32_t * p_106)
{ /* block id: 39 */
    uint8_t l_108 = 0xADL;
    l_108 = (-1L);
    return l_108;
}


/* ------------------------------------------ */
/* 
 * reads : g_124 g_118 g_132 g_135 g_6 g_63 g_64 g_136 g_37 g_81 g_82 g_123 g_2 g_160 g_167 g_153 g_154 g_186
 * writes: g_124 g_118 g_132 g_135 g_136 g_152 g_153 g_154 g_164 g_168 g_186 g_209
 */
static int64_t  func_119(uint32_t  p_120, uint32_t * const  p_121)
{ /* block id: 45 */
    int32_t *l_122[3];
    int32_t ***l_139 = &g_135;
    uint16_t **l_166[3];
    uint64_t l_187[3];
    int i;
    for (i = 0; i < 3; i++)
        l_122[i] = &g_118;
    for (i = 0; i < 3; i++)
        l_166[i] = (void*)0;
    for (i = 0; i < 3; i++)
        l_187[i] = 0x3F5755E19477FFDDLL;
lbl_169:
    --g_124;
    for (g_118 = 0; (g_118 <= 2); g_118++)
    { /* block id: 49 */
        int16_t l_129[2];
        int32_t l_130 = 0x46B2EB2EL;
        int32_t l_131 = 1L;
        int32_t ***l_137[3];
        int8_t l_141[2];
        uint16_t l_142 = 0UL;
        int i;
        for (i = 0; i < 2; i++)
            l_129[i] = 0xF8C8L;
        for (i = 0; i < 3; i++)
            l_137[i] = &g_135;
        for (i = 0; i < 2; i++)
            l_141[i] = 1L;
        g_132--;
        if ((g_124 | ((g_135 = g_135) == &g_136)))
        { /* block id: 52 */
            uint8_t l_138 = 0x6AL;
            int32_t l_140 = 0xE60FB7EBL;
            l_138 ^= 0x81FEC7F1L;
            l_140 = (((l_139 != (void*)0) && 0UL) != g_6);
            l_142++;
            if ((*g_63))
                continue;
        }
        else
        { /* block id: 57 */
            uint32_t l_147 = 0x401CC627L;
            int32_t l_148 = 0xFA0F4C75L;
            (*g_135) = (*g_135);
            l_148 = (l_147 = ((g_37[0] , (safe_mod_func_int32_t_s_s(0L, 1UL))) & 8UL));
            if ((*g_81))
                break;
        }
        g_154[0] = (g_153 = (g_152 = ((safe_div_func_int8_t_s_s((((+((void*)0 == &l_142)) ^ g_82) , 8L), (-3L))) >= g_123[1])));
        return (***l_139);
    }
    if ((((safe_unary_minus_func_int8_t_s((safe_lshift_func_int8_t_s_s((safe_lshift_func_uint8_t_u_u((0x95E2246EL | 4294967289UL), g_123[1])), 4)))) == (*g_136)) , g_160))
    { /* block id: 68 */
        uint64_t *l_163 = &g_164[0];
        int32_t l_165 = 1L;
        int32_t l_180 = 0x81CA0FAEL;
        int32_t ***l_190[2];
        int i;
        for (i = 0; i < 2; i++)
            l_190[i] = &g_135;
lbl_181:
        if (((((*l_163) = (p_120 , ((safe_sub_func_uint8_t_u_u(p_120, 4UL)) != 0xF77BL))) > 0xFE9BFAC6FD5171A1LL) == g_132))
        { /* block id: 70 */
            (**l_139) = (**l_139);
            l_165 |= (*g_81);
            (*g_167) = l_166[2];
        }
        else
        { /* block id: 74 */
            int32_t l_170 = 0x07C83248L;
            if (g_64)
                goto lbl_169;
            l_170 = 5L;
        }
        for (g_118 = 0; (g_118 < 20); g_118 = safe_add_func_int32_t_s_s(g_118, 2))
        { /* block id: 80 */
            int32_t l_177 = 5L;
            l_180 = (safe_div_func_int64_t_s_s((safe_mod_func_uint16_t_u_u((((l_177 && ((((l_165 = ((safe_lshift_func_int16_t_s_u(g_132, 3)) , 0x9D96L)) < p_120) != (***l_139)) != g_160)) <= 0L) , l_165), p_120)), (-3L)));
            if (g_6)
                goto lbl_181;
        }
        for (l_180 = (-14); (l_180 < (-22)); --l_180)
        { /* block id: 87 */
            int32_t l_184 = 0x89DB10C3L;
            int32_t l_185[2];
            uint16_t l_191 = 0x51F4L;
            int i;
            for (i = 0; i < 2; i++)
                l_185[i] = 0x26FCD83BL;
            l_187[2]--;
            if ((*g_81))
                break;
            if (g_2)
                goto lbl_169;
            g_186[0] = (((l_165 |= g_153) != (&g_135 != l_190[1])) >= l_191);
        }
    }
    else
    { /* block id: 94 */
        uint16_t l_192[1];
        int16_t *l_205[3];
        int32_t l_207 = 0x15BE2F3EL;
        int8_t *l_208 = &g_209;
        int i;
        for (i = 0; i < 1; i++)
            l_192[i] = 0xBFE8L;
        for (i = 0; i < 3; i++)
            l_205[i] = &g_206;
        --l_192[0];
        if ((safe_sub_func_int8_t_s_s(((*l_208) = ((safe_rshift_func_int16_t_s_u(0xC653L, (safe_lshift_func_int8_t_s_u(((safe_div_func_int16_t_s_s((l_207 = (safe_add_func_uint64_t_u_u((((p_120 ^ 0x8731FA07L) , 0x66L) == p_120), 0x911611CA190077AELL))), p_120)) > g_123[1]), 6)))) , 0x87L)), l_192[0])))
        { /* block id: 98 */
            return g_154[0];
        }
        else
        { /* block id: 100 */
            uint16_t **l_210 = (void*)0;
            int32_t l_211 = (-10L);
            int8_t l_212[2];
            int i;
            for (i = 0; i < 2; i++)
                l_212[i] = 0xFDL;
            l_211 &= ((void*)0 != l_210);
            l_207 ^= ((void*)0 != &g_206);
            l_212[1] &= p_120;
        }
    }
    return p_120;
}




/* ---------------------------------------- */
int main (void)
{
    int i;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_2, "g_2", print_hash_value);
    transparent_crc(g_6, "g_6", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_7[i], "g_7[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_21[i], "g_21[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_37[i], "g_37[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_64, "g_64", print_hash_value);
    transparent_crc(g_82, "g_82", print_hash_value);
    transparent_crc(g_116, "g_116", print_hash_value);
    transparent_crc(g_118, "g_118", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_123[i], "g_123[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_124, "g_124", print_hash_value);
    transparent_crc(g_132, "g_132", print_hash_value);
    transparent_crc(g_152, "g_152", print_hash_value);
    transparent_crc(g_153, "g_153", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_154[i], "g_154[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_160, "g_160", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_164[i], "g_164[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_186[i], "g_186[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_206, "g_206", print_hash_value);
    transparent_crc(g_209, "g_209", print_hash_value);
    transparent_crc(g_224, "g_224", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_225[i].f0, "g_225[i].f0", print_hash_value);
        transparent_crc(g_225[i].f1, "g_225[i].f1", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_227, "g_227", print_hash_value);
    transparent_crc(g_228, "g_228", print_hash_value);
    transparent_crc(g_247, "g_247", print_hash_value);
    transparent_crc(g_293, "g_293", print_hash_value);
    transparent_crc(g_346, "g_346", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_399[i], "g_399[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_434, "g_434", print_hash_value);
    transparent_crc(g_444, "g_444", print_hash_value);
    transparent_crc(g_447.f0, "g_447.f0", print_hash_value);
    transparent_crc(g_447.f1, "g_447.f1", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 143
   depth: 1, occurrence: 2
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 2
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 1
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 2
breakdown:
   indirect level: 0, occurrence: 2
XXX full-bitfields structs in the program: 2
breakdown:
   indirect level: 0, occurrence: 2
XXX times a bitfields struct's address is taken: 0
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 2
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 1

XXX max expression depth: 19
breakdown:
   depth: 1, occurrence: 154
   depth: 2, occurrence: 25
   depth: 3, occurrence: 5
   depth: 4, occurrence: 8
   depth: 5, occurrence: 5
   depth: 6, occurrence: 2
   depth: 7, occurrence: 3
   depth: 8, occurrence: 5
   depth: 9, occurrence: 2
   depth: 10, occurrence: 2
   depth: 11, occurrence: 4
   depth: 12, occurrence: 2
   depth: 13, occurrence: 4
   depth: 15, occurrence: 1
   depth: 16, occurrence: 1
   depth: 19, occurrence: 1

XXX total number of pointers: 118

XXX times a variable address is taken: 99
XXX times a pointer is dereferenced on RHS: 66
breakdown:
   depth: 1, occurrence: 51
   depth: 2, occurrence: 13
   depth: 3, occurrence: 2
XXX times a pointer is dereferenced on LHS: 58
breakdown:
   depth: 1, occurrence: 56
   depth: 2, occurrence: 2
XXX times a pointer is compared with null: 7
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 3
XXX times a pointer is qualified to be dereferenced: 2926

XXX max dereference level: 3
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 308
   level: 2, occurrence: 79
   level: 3, occurrence: 34
XXX number of pointers point to pointers: 41
XXX number of pointers point to scalars: 77
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 22.9
XXX average alias set size: 1.15

XXX times a non-volatile is read: 349
XXX times a non-volatile is write: 181
XXX times a volatile is read: 27
XXX    times read thru a pointer: 1
XXX times a volatile is write: 21
XXX    times written thru a pointer: 6
XXX times a volatile is available for access: 366
XXX percentage of non-volatile access: 91.7

XXX forward jumps: 0
XXX backward jumps: 3

XXX stmts: 146
XXX max block depth: 2
breakdown:
   depth: 0, occurrence: 38
   depth: 1, occurrence: 49
   depth: 2, occurrence: 59

XXX percentage a fresh-made variable is used: 14.9
XXX percentage an existing variable is used: 85.1
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

