/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 3300346758 --no-argc --max-funcs 12 --max-block-depth 2 --max-expr-complexity 3 --max-array-dim 1 --max-array-len-per-dim 3 --max-struct-fields 3 --no-inline-function
 * Seed:      3300346758
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
/* --- GLOBAL VARIABLES --- */
static int32_t g_8 = 0x9D19AC19L;
static const uint64_t g_21 = 18446744073709551607UL;
static int8_t g_23 = 4L;
static int8_t *g_22 = &g_23;
static volatile uint32_t g_27 = 0x1B44ADCAL;/* VOLATILE GLOBAL g_27 */
static volatile uint32_t g_32[1] = {0x0FE2CF45L};
static uint8_t g_48[1] = {1UL};
static int32_t g_50 = 0x657CF7A0L;
static int32_t *g_49[3] = {&g_50,&g_50,&g_50};
static int32_t ** volatile g_52 = &g_49[0];/* VOLATILE GLOBAL g_52 */
static uint32_t g_60 = 4294967294UL;
static uint16_t g_80 = 0xA7F7L;
static uint32_t g_105 = 4294967294UL;
static int32_t * volatile g_106 = &g_50;/* VOLATILE GLOBAL g_106 */
static volatile uint8_t g_139 = 0x96L;/* VOLATILE GLOBAL g_139 */
static volatile uint8_t *g_138 = &g_139;
static volatile uint8_t * volatile * volatile g_137 = &g_138;/* VOLATILE GLOBAL g_137 */
static const int32_t g_160 = 0xD6D9707EL;
static volatile int8_t g_161[3] = {(-1L),(-1L),(-1L)};
static volatile int32_t g_165 = (-10L);/* VOLATILE GLOBAL g_165 */
static volatile int32_t *g_164[3] = {&g_165,&g_165,&g_165};
static volatile int32_t ** volatile g_163 = &g_164[1];/* VOLATILE GLOBAL g_163 */
static int64_t g_192 = 0x18EDF5E4C99D6885LL;
static volatile int8_t g_194 = 0x4EL;/* VOLATILE GLOBAL g_194 */
static int32_t *g_206[2] = {(void*)0,(void*)0};
static int32_t **g_205 = &g_206[1];
static int32_t * const  volatile g_221[3] = {(void*)0,(void*)0,(void*)0};
static int32_t * volatile g_222 = &g_50;/* VOLATILE GLOBAL g_222 */
static uint16_t **** volatile g_230 = (void*)0;/* VOLATILE GLOBAL g_230 */
static uint16_t **** volatile g_231 = (void*)0;/* VOLATILE GLOBAL g_231 */
static uint32_t *g_237 = &g_60;
static uint32_t **g_236 = &g_237;
static volatile uint32_t g_255 = 0UL;/* VOLATILE GLOBAL g_255 */
static int32_t g_294 = 0L;
static int32_t * volatile g_298 = &g_294;/* VOLATILE GLOBAL g_298 */
static int32_t ** volatile g_309 = &g_49[0];/* VOLATILE GLOBAL g_309 */
static uint16_t *g_317 = &g_80;
static uint16_t **g_316[1] = {&g_317};
static uint16_t *** volatile g_315 = &g_316[0];/* VOLATILE GLOBAL g_315 */
static int32_t g_319 = 0x1CAF18A5L;
static uint64_t g_417 = 1UL;
static int8_t g_420 = (-1L);
static uint32_t ***g_438 = &g_236;
static uint32_t ****g_437 = &g_438;
static int16_t g_464 = 0x9731L;
static int8_t g_481 = 0x5BL;
static int32_t * volatile g_491 = &g_319;/* VOLATILE GLOBAL g_491 */
static int32_t ** volatile g_493 = (void*)0;/* VOLATILE GLOBAL g_493 */
static int32_t ** volatile g_495 = (void*)0;/* VOLATILE GLOBAL g_495 */
static int32_t ** volatile g_498[1] = {&g_206[0]};
static int32_t * volatile g_553[3] = {(void*)0,(void*)0,(void*)0};
static int32_t * volatile g_570 = &g_294;/* VOLATILE GLOBAL g_570 */
static int8_t g_581 = 0L;
static int16_t g_600 = 0xD03EL;


/* --- FORWARD DECLARATIONS --- */
static int8_t  func_1(void);
static int16_t  func_9(int8_t * p_10, int8_t * p_11, const uint64_t  p_12, int8_t * p_13, int8_t * const  p_14);
static int8_t * func_15(const int64_t  p_16, uint32_t  p_17, int64_t  p_18, int8_t * p_19, int8_t  p_20);
static int32_t * func_35(uint32_t  p_36, uint64_t  p_37);
static int8_t  func_38(int32_t * const  p_39);
static int32_t * const  func_40(uint64_t  p_41, uint8_t  p_42, int8_t  p_43, uint8_t  p_44, int32_t * p_45);
static int8_t  func_63(int16_t  p_64, uint32_t  p_65);
static uint64_t  func_66(int64_t  p_67, uint16_t  p_68);
static const int32_t  func_70(int32_t * p_71, int8_t * p_72, int8_t * p_73);
static const int32_t  func_82(uint16_t * p_83, int64_t  p_84, int16_t  p_85);
static uint16_t * func_86(uint32_t  p_87, int32_t ** p_88, uint16_t * p_89, uint32_t  p_90);
static int64_t  func_95(const uint32_t * const  p_96, uint8_t * p_97);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_8 g_21 g_22 g_27 g_32 g_420 g_481 g_315 g_316 g_60 g_222 g_205 g_137 g_138 g_139 g_438 g_236 g_437 g_48 g_570 g_317 g_80 g_319 g_298 g_294 g_581 g_464 g_23 g_161 g_192 g_52 g_49
 * writes: g_8 g_27 g_32 g_420 g_481 g_316 g_50 g_206 g_236 g_294 g_319 g_464 g_192 g_600 g_417
 */
static int8_t  func_1(void)
{ /* block id: 0 */
    int32_t l_6 = 0x2B57E8B7L;
    int8_t *l_7[3];
    int32_t l_554 = 0L;
    int64_t l_605 = (-1L);
    int32_t l_606 = 1L;
    int32_t l_608 = 1L;
    int i;
    for (i = 0; i < 3; i++)
        l_7[i] = (void*)0;
    if (((safe_rshift_func_int8_t_s_s((g_8 ^= l_6), 2)) >= (func_9(func_15(g_21, l_6, l_6, l_7[0], g_21), l_7[0], l_6, l_7[1], &g_23) >= l_6)))
    { /* block id: 309 */
        int32_t **l_559 = &g_206[1];
        int32_t l_571 = (-9L);
        uint8_t *l_579 = (void*)0;
        uint8_t ** const l_578 = &l_579;
        int8_t l_584 = 4L;
        l_554 = ((-4L) <= 0L);
        if ((safe_rshift_func_uint8_t_u_u((0x90BFB9DAL < (l_559 == (void*)0)), (**g_137))))
        { /* block id: 311 */
            const int32_t l_569[1] = {1L};
            int32_t *l_572 = &g_319;
            int i;
            (*g_570) = (safe_mod_func_uint64_t_u_u((safe_add_func_uint32_t_u_u((safe_lshift_func_int8_t_s_s((safe_lshift_func_uint8_t_u_s((**g_137), 7)), 0)), (+0x61DDB39AL))), l_569[0]));
            (*l_572) ^= (l_569[0] < (l_571 ^ (***g_315)));
        }
        else
        { /* block id: 314 */
            int16_t l_580 = 0x7E6FL;
            int32_t *l_582 = &l_554;
            (*l_582) |= ((((safe_sub_func_uint8_t_u_u((safe_add_func_uint32_t_u_u(((safe_unary_minus_func_uint64_t_u(((&g_138 != l_578) ^ l_580))) < 0x5090L), (*g_298))), 1UL)) == g_581) >= l_6) <= 5UL);
            if (g_80)
                goto lbl_583;
lbl_583:
            (*l_582) = (1L && 0x5EL);
            (*l_582) = (0xEBL && l_571);
        }
        l_584 &= (l_6 , (l_554 < 0x05CCDD8EL));
    }
    else
    { /* block id: 321 */
        int64_t l_588 = 6L;
        int32_t *l_591 = &l_554;
        int64_t *l_598 = (void*)0;
        int64_t *l_599[3];
        int8_t l_601 = 4L;
        uint32_t l_602 = 0xD0424C37L;
        int32_t l_607[1];
        int i;
        for (i = 0; i < 3; i++)
            l_599[i] = &g_192;
        for (i = 0; i < 1; i++)
            l_607[i] = 0x35DD1BB5L;
        for (g_464 = 0; (g_464 < (-21)); g_464 = safe_sub_func_uint64_t_u_u(g_464, 1))
        { /* block id: 324 */
            int32_t *l_587[3];
            int i;
            for (i = 0; i < 3; i++)
                l_587[i] = &g_50;
            l_588 &= (*g_298);
        }
        (*l_591) ^= ((l_588 , (safe_div_func_int8_t_s_s((*g_22), (*g_138)))) > g_420);
        if ((safe_mul_func_int16_t_s_s((safe_mod_func_int64_t_s_s((safe_add_func_uint32_t_u_u(((((*l_591) , (g_600 = (g_192 ^= g_161[2]))) >= (*l_591)) & l_601), 0x3071D635L)), 0x27D5CDC6855E92BDLL)), (*l_591))))
        { /* block id: 330 */
            int32_t *l_604[2];
            uint32_t l_609 = 8UL;
            int i;
            for (i = 0; i < 2; i++)
                l_604[i] = (void*)0;
            (*l_591) = (l_602 ^ ((~(l_6 , 0x52L)) == 1L));
            (*g_205) = func_35(l_6, (((**g_137) , 3UL) & 0x2926L));
            l_609--;
        }
        else
        { /* block id: 334 */
            uint64_t *l_618[1];
            int32_t *l_619[2];
            int i;
            for (i = 0; i < 1; i++)
                l_618[i] = &g_417;
            for (i = 0; i < 2; i++)
                l_619[i] = &g_319;
            (*l_591) &= (safe_rshift_func_uint8_t_u_s(8UL, 1));
            l_607[0] ^= ((*g_298) = ((l_606 = (safe_mod_func_uint32_t_u_u(0x8FFCB251L, ((((*l_591) = (g_417 = (safe_mul_func_uint16_t_u_u((*l_591), (*g_317))))) <= g_60) , (-4L))))) , 0xA9506EB0L));
        }
    }
    (*g_222) = ((~g_319) && l_554);
    return (*g_22);
}


/* ------------------------------------------ */
/* 
 * reads : g_27 g_32 g_315 g_316 g_60 g_222 g_205 g_137 g_138 g_139 g_438 g_236 g_437 g_420 g_48 g_481
 * writes: g_27 g_32 g_420 g_481 g_316 g_50 g_206 g_236
 */
static int16_t  func_9(int8_t * p_10, int8_t * p_11, const uint64_t  p_12, int8_t * p_13, int8_t * const  p_14)
{ /* block id: 4 */
    int32_t *l_24 = (void*)0;
    int32_t l_25 = (-10L);
    int32_t *l_26 = &l_25;
    uint32_t l_486 = 0xE5227E56L;
    uint16_t l_501 = 65528UL;
    int32_t l_517 = 1L;
    int32_t l_518 = 1L;
    int32_t l_519 = 0xBD4C4058L;
    int32_t l_520 = 1L;
    int32_t l_521 = 0xA537AA6FL;
    int32_t l_522 = 1L;
    int32_t l_523[3];
    uint32_t *****l_531 = (void*)0;
    int i;
    for (i = 0; i < 3; i++)
        l_523[i] = 0x90D3998EL;
lbl_550:
    g_27--;
lbl_545:
    for (l_25 = 0; (l_25 == (-5)); l_25--)
    { /* block id: 8 */
        int64_t l_489 = 0xA83594A9BF095E8DLL;
        int32_t l_490[2];
        int i;
        for (i = 0; i < 2; i++)
            l_490[i] = 0xF4D23004L;
        g_32[0]--;
    }
    for (g_420 = 0; (g_420 <= 1); g_420 += 1)
    { /* block id: 279 */
        if (p_12)
            break;
    }
    for (g_481 = 9; (g_481 == (-30)); g_481 = safe_sub_func_uint16_t_u_u(g_481, 7))
    { /* block id: 284 */
        int64_t l_506 = (-4L);
        int32_t l_507[3];
        int32_t l_529[2];
        int32_t l_548[2];
        int i;
        for (i = 0; i < 3; i++)
            l_507[i] = (-4L);
        for (i = 0; i < 2; i++)
            l_529[i] = 9L;
        for (i = 0; i < 2; i++)
            l_548[i] = 0xFFAAB6FDL;
        if ((p_12 > p_12))
        { /* block id: 285 */
            int32_t *l_508 = &l_507[0];
            int32_t *l_509 = (void*)0;
            int32_t *l_510 = &l_507[1];
            int32_t *l_511 = &l_25;
            int32_t *l_512 = &l_507[1];
            int32_t l_513 = 0xC9A19FBDL;
            int32_t *l_514 = &l_507[0];
            int32_t *l_515 = &g_50;
            int32_t *l_516[2];
            uint16_t l_524[3];
            int i;
            for (i = 0; i < 2; i++)
                l_516[i] = &g_319;
            for (i = 0; i < 3; i++)
                l_524[i] = 0UL;
            ++l_524[2];
            l_529[1] ^= (safe_add_func_int16_t_s_s(g_32[0], l_507[2]));
        }
        else
        { /* block id: 288 */
            uint16_t ***l_530[3];
            int i;
            for (i = 0; i < 3; i++)
                l_530[i] = &g_316[0];
            (*g_315) = (*g_315);
            l_531 = &g_437;
        }
        if ((((*l_26) = ((safe_mul_func_uint16_t_u_u(0x9790L, (safe_mod_func_uint16_t_u_u((safe_div_func_int32_t_s_s(l_506, l_529[1])), 0x8B95L)))) <= 0x8EE1L)) | p_12))
        { /* block id: 293 */
            (*g_222) = ((safe_add_func_int16_t_s_s(((safe_mul_func_uint16_t_u_u((+p_12), (safe_rshift_func_uint16_t_u_s(0x787CL, g_60)))) , 7L), (*l_26))) > p_12);
            (*g_205) = (void*)0;
        }
        else
        { /* block id: 296 */
            if (l_506)
                goto lbl_545;
        }
        if (l_529[0])
        { /* block id: 299 */
            uint16_t l_547 = 1UL;
            l_547 = (+((p_12 >= (p_12 && 0xE77CL)) != 0L));
            (*l_26) |= ((**g_137) != l_548[1]);
        }
        else
        { /* block id: 302 */
            int32_t *l_549 = &l_520;
            (*g_205) = l_549;
            (**g_437) = (*g_438);
            if (g_420)
                goto lbl_550;
        }
    }
    return g_48[0];
}


/* ------------------------------------------ */
/* 
 * reads : g_22
 * writes:
 */
static int8_t * func_15(const int64_t  p_16, uint32_t  p_17, int64_t  p_18, int8_t * p_19, int8_t  p_20)
{ /* block id: 2 */
    return g_22;
}


/* ------------------------------------------ */
/* 
 * reads : g_52 g_49
 * writes:
 */
static int32_t * func_35(uint32_t  p_36, uint64_t  p_37)
{ /* block id: 261 */
    return (*g_52);
}


/* ------------------------------------------ */
/* 
 * reads : g_50 g_309 g_49 g_205 g_294 g_22 g_23 g_48 g_420 g_319
 * writes: g_206 g_294 g_464 g_420 g_481
 */
static int8_t  func_38(int32_t * const  p_39)
{ /* block id: 236 */
    uint8_t l_442[1];
    int32_t l_446[1];
    uint32_t l_454 = 18446744073709551609UL;
    uint64_t l_465[2];
    int i;
    for (i = 0; i < 1; i++)
        l_442[i] = 0xFEL;
    for (i = 0; i < 1; i++)
        l_446[i] = 0xDF63DDF1L;
    for (i = 0; i < 2; i++)
        l_465[i] = 0UL;
    if ((safe_mul_func_uint16_t_u_u((l_442[0] && ((*p_39) , l_442[0])), l_442[0])))
    { /* block id: 237 */
        int8_t l_445 = 0x26L;
        int32_t l_453 = (-6L);
        (*g_205) = ((l_446[0] = (safe_rshift_func_int16_t_s_u(((-10L) == ((**g_309) != l_442[0])), l_445))) , (*g_309));
        for (g_294 = 0; (g_294 >= 0); g_294 -= 1)
        { /* block id: 242 */
            int32_t *l_447 = &l_446[g_294];
            int32_t *l_448 = (void*)0;
            int32_t *l_449 = &g_319;
            int32_t *l_450 = (void*)0;
            int32_t *l_451 = &g_50;
            int32_t *l_452[3];
            int i;
            for (i = 0; i < 3; i++)
                l_452[i] = &g_50;
            (*g_205) = (void*)0;
            --l_454;
        }
    }
    else
    { /* block id: 246 */
        const int32_t *l_457 = &l_446[0];
        const int32_t **l_458 = &l_457;
        int16_t *l_463 = &g_464;
        int32_t *l_467[3];
        int i;
        for (i = 0; i < 3; i++)
            l_467[i] = (void*)0;
        (*l_458) = l_457;
        if ((((((safe_mod_func_uint16_t_u_u((((*l_463) = (((safe_add_func_uint16_t_u_u((**l_458), ((*l_457) >= (**l_458)))) && l_442[0]) >= (*l_457))) == g_294), (-1L))) && l_446[0]) ^ l_465[1]) , (**l_458)) & l_446[0]))
        { /* block id: 249 */
            uint16_t l_466 = 65535UL;
            int32_t *l_468 = &l_446[0];
            (*g_205) = l_468;
            return (*g_22);
        }
        else
        { /* block id: 252 */
            int8_t *l_479 = &g_420;
            int8_t *l_480[2];
            const int32_t l_482[3] = {0x8EBF98DFL,0x8EBF98DFL,0x8EBF98DFL};
            int32_t l_483[2];
            int i;
            for (i = 0; i < 2; i++)
                l_480[i] = &g_481;
            for (i = 0; i < 2; i++)
                l_483[i] = 0x4EF2F728L;
            (*l_458) = (*l_458);
            l_483[0] = (((((safe_add_func_int64_t_s_s(((safe_add_func_uint64_t_u_u((safe_add_func_uint64_t_u_u(((((safe_rshift_func_int16_t_s_s((safe_mul_func_int8_t_s_s((g_481 = ((*l_479) &= ((((g_48[0] && 0xD5F0225A25E03C7CLL) , l_465[1]) > l_446[0]) != l_454))), 3UL)), 8)) | 0xC4L) , (*g_22)) != (-2L)), g_48[0])), (*l_457))) <= l_482[0]), g_319)) > l_482[0]) ^ 0x7EL) & (*g_22)) <= (**l_458));
            return (*g_22);
        }
    }
    return l_442[0];
}


/* ------------------------------------------ */
/* 
 * reads : g_52 g_23 g_50 g_22 g_48 g_60 g_319 g_161 g_106 g_163 g_164 g_194 g_27 g_309 g_49 g_315 g_316 g_317 g_80 g_298 g_21 g_236 g_237 g_138 g_139 g_137 g_437
 * writes: g_49 g_60 g_50 g_319 g_206 g_164 g_80 g_294 g_48 g_237 g_417 g_420 g_437 g_165
 */
static int32_t * const  func_40(uint64_t  p_41, uint8_t  p_42, int8_t  p_43, uint8_t  p_44, int32_t * p_45)
{ /* block id: 14 */
    int32_t *l_51 = &g_50;
    int64_t l_58 = 5L;
    (*g_52) = l_51;
    for (p_43 = (-20); (p_43 == 12); p_43 = safe_add_func_uint64_t_u_u(p_43, 2))
    { /* block id: 18 */
        uint32_t l_424 = 0UL;
        int32_t l_433 = 0x9A0D7941L;
        if ((~p_42))
        { /* block id: 19 */
            uint32_t *l_59 = &g_60;
            int32_t **l_61 = (void*)0;
            int32_t **l_62 = &l_51;
            (*p_45) = (g_23 != ((*l_59) = (safe_mul_func_int8_t_s_s((p_41 & 0L), l_58))));
            if ((*p_45))
                break;
            p_45 = ((*l_62) = p_45);
        }
        else
        { /* block id: 25 */
            int32_t **l_69[3];
            volatile int32_t *l_434 = &g_165;
            uint32_t *****l_439 = &g_437;
            int i;
            for (i = 0; i < 3; i++)
                l_69[i] = &g_49[2];
            l_433 = ((*g_22) == func_63((func_66(((((*g_52) = l_51) == (void*)0) , p_42), (*l_51)) == l_424), p_41));
            l_434 = (*g_163);
            (*l_434) = ((*p_45) = (safe_mul_func_uint8_t_u_u(((((*l_439) = g_437) != (((p_42 & p_41) > (**g_137)) , &g_438)) , 0xCFL), p_42)));
            l_433 = ((*p_45) = 0x25F3A32BL);
        }
    }
    return l_51;
}


/* ------------------------------------------ */
/* 
 * reads : g_137 g_138 g_139 g_319
 * writes: g_319
 */
static int8_t  func_63(int16_t  p_64, uint32_t  p_65)
{ /* block id: 223 */
    int8_t l_431 = 0xEAL;
    int32_t *l_432 = &g_319;
    (*l_432) &= (safe_sub_func_uint64_t_u_u((safe_rshift_func_uint8_t_u_u((**g_137), (safe_sub_func_int8_t_s_s(l_431, 0xEDL)))), p_65));
    return (*l_432);
}


/* ------------------------------------------ */
/* 
 * reads : g_48 g_22 g_23 g_60 g_50 g_319 g_161 g_106 g_163 g_164 g_194 g_27 g_309 g_49 g_315 g_316 g_317 g_80 g_298 g_21 g_236 g_237 g_138 g_139 l_490
 * writes: g_60 g_50 g_319 g_206 g_164 g_80 g_294 g_48 g_237 g_417 g_420 g_49
 */
static uint64_t  func_66(int64_t  p_67, uint16_t  p_68)
{ /* block id: 27 */
    int32_t *l_74 = &g_50;
    const uint32_t l_75[1] = {1UL};
    int32_t l_76[3];
    int8_t *l_77 = &g_23;
    int32_t l_351 = 0x42F17969L;
    int32_t l_352 = 0x2D3889C0L;
    int32_t l_355 = 1L;
    int32_t l_384 = (-1L);
    int32_t l_389 = 0x124565B4L;
    int32_t l_410 = 0L;
    int i;
    for (i = 0; i < 3; i++)
        l_76[i] = (-2L);
    if (func_70(l_74, func_15(l_75[0], l_76[0], g_48[0], l_77, (*g_22)), l_77))
    { /* block id: 173 */
        uint8_t l_340 = 1UL;
        int32_t l_346 = (-1L);
        int32_t l_349 = 0xA1112B7DL;
        int32_t l_350 = 0xD9579A83L;
        int32_t l_353 = 0x8FB74F27L;
        int32_t l_354 = 0x899CD92FL;
        int32_t l_356 = 0x7F8176E4L;
        int32_t l_357 = 1L;
        int32_t l_358 = 0x9420EEF1L;
        int32_t *l_385 = &l_356;
        int32_t *l_386 = &l_349;
        int32_t *l_387 = &l_384;
        int32_t *l_388[1];
        uint8_t l_390[3];
        int i;
        for (i = 0; i < 1; i++)
            l_388[i] = &g_50;
        for (i = 0; i < 3; i++)
            l_390[i] = 247UL;
        for (p_67 = 0; (p_67 > 13); p_67++)
        { /* block id: 176 */
            return l_340;
        }
        for (g_319 = 0; (g_319 < 25); g_319 = safe_add_func_int16_t_s_s(g_319, 3))
        { /* block id: 181 */
            return g_194;
        }
        if (((g_27 != (safe_mod_func_uint8_t_u_u(((p_68 &= (safe_unary_minus_func_uint16_t_u(65528UL))) != p_67), p_67))) , (**g_309)))
        { /* block id: 185 */
            int32_t *l_347 = &g_294;
            int32_t *l_348[1];
            uint8_t l_359 = 0UL;
            volatile int32_t **l_362 = &g_164[0];
            int i;
            for (i = 0; i < 1; i++)
                l_348[i] = &g_319;
            l_359--;
            l_346 = (0xDE15L <= 1UL);
            (*l_362) = (*g_163);
            (*l_74) &= ((0L < (safe_rshift_func_int8_t_s_s((((safe_div_func_int8_t_s_s((((0x0EB9L | p_68) <= 9UL) >= p_68), (*g_22))) , 0xF06FL) | (***g_315)), p_67))) , l_350);
        }
        else
        { /* block id: 190 */
            uint32_t l_373 = 4294967292UL;
            uint8_t *l_376 = (void*)0;
            uint8_t *l_377 = &g_48[0];
            int32_t *l_378[1];
            int i;
            for (i = 0; i < 1; i++)
                l_378[i] = &l_358;
            (*g_298) = (safe_rshift_func_int8_t_s_s(((p_68 ^= p_67) != ((*g_317) = (safe_div_func_int16_t_s_s((safe_mod_func_uint32_t_u_u(0UL, l_373)), p_67)))), (*g_22)));
            l_356 &= (((*l_74) &= (safe_lshift_func_uint16_t_u_u((g_194 == (((*l_377) = l_346) & 0x52L)), p_68))) >= p_67);
            (*l_74) ^= (&g_138 != ((safe_unary_minus_func_uint16_t_u(((safe_mul_func_uint8_t_u_u((((safe_rshift_func_int8_t_s_u(p_68, 3)) == l_357) | g_21), (*g_22))) , l_384))) , (void*)0));
        }
        l_390[2]++;
    }
    else
    { /* block id: 200 */
        int64_t l_393 = 0x8348EAA7769800E8LL;
        (*l_74) = l_393;
        return g_80;
    }
    if (((*l_74) = (safe_lshift_func_uint8_t_u_s(((safe_unary_minus_func_int16_t_s(((-5L) && (((**g_236) != 0x11CFF33BL) != p_67)))) ^ 65534UL), 6))))
    { /* block id: 205 */
        int64_t l_401 = 1L;
        if ((((safe_add_func_uint32_t_u_u(4294967295UL, ((((safe_div_func_uint16_t_u_u((((0x667795B5L ^ 0x103A0F93L) & p_68) , (*l_74)), p_68)) && l_401) , 1L) <= 0x38B882118681D0E4LL))) , 0xCCB2F03BB52288F5LL) & l_401))
        { /* block id: 206 */
            int64_t l_411 = 0x608A87D9368AF208LL;
            (*l_74) = (safe_mul_func_uint8_t_u_u(0x4CL, ((safe_div_func_uint16_t_u_u(((*g_317) ^= (safe_add_func_int64_t_s_s((*l_74), p_67))), (-8L))) , 1UL)));
            (*l_74) = (safe_div_func_uint8_t_u_u((*g_138), (l_411 = l_410)));
        }
        else
        { /* block id: 211 */
            uint32_t *l_414 = (void*)0;
            int32_t *l_415 = &l_410;
            uint64_t *l_416 = &g_417;
            uint16_t l_418 = 0xC4B0L;
            int8_t *l_419 = &g_420;
            int32_t *l_421 = &l_384;
            (*l_415) &= ((((((0x0DD814FBL > (safe_div_func_uint32_t_u_u((((*g_236) = (*g_236)) == l_414), (*g_106)))) , p_67) >= (*g_22)) == l_401) && 0xE420300EDCB54E30LL) , l_401);
            (*l_421) |= (p_68 || ((((*l_419) = (((*l_416) = (*l_74)) ^ l_418)) >= (*l_415)) | (*l_74)));
        }
    }
    else
    { /* block id: 218 */
        (*l_74) &= (safe_rshift_func_int16_t_s_u(0x9FCCL, (p_67 | 1L)));
    }
    (*g_309) = (*g_309);
    return p_67;
}


/* ------------------------------------------ */
/* 
 * reads : g_60 g_48 g_50 g_319 g_161 g_106 g_163 g_164
 * writes: g_60 g_50 g_319 g_206 g_164
 */
static const int32_t  func_70(int32_t * p_71, int8_t * p_72, int8_t * p_73)
{ /* block id: 28 */
    uint16_t l_81 = 0x9D76L;
    int32_t l_328 = 1L;
    int32_t l_329 = (-1L);
    int32_t l_331 = 0x23DC4FE4L;
    int32_t l_332 = 1L;
    int32_t l_333 = 0x5542F661L;
    volatile int32_t **l_337[3];
    int i;
    for (i = 0; i < 3; i++)
        l_337[i] = &g_164[1];
    for (g_60 = 0; (g_60 <= 0); g_60 += 1)
    { /* block id: 31 */
        uint16_t *l_78 = (void*)0;
        uint16_t *l_79[2];
        const uint32_t * const l_98 = &g_60;
        int i;
        for (i = 0; i < 2; i++)
            l_79[i] = &g_80;
        (*p_71) |= ((l_81 = (1UL != 0x4EL)) > g_48[g_60]);
        for (l_81 = 0; (l_81 <= 0); l_81 += 1)
        { /* block id: 36 */
            uint8_t *l_99 = &g_48[0];
            uint32_t *l_204 = &g_105;
            int32_t l_273 = 0xA5EF7343L;
            int32_t *l_318 = &g_319;
        }
    }
    for (g_319 = 1; (g_319 >= 0); g_319 -= 1)
    { /* block id: 160 */
        int32_t l_326 = 6L;
        int32_t *l_327[3];
        uint64_t l_334 = 0x53B6BF2AB1E9F3B9LL;
        int i;
        for (i = 0; i < 3; i++)
            l_327[i] = &g_294;
        l_329 |= (l_328 &= (safe_rshift_func_int16_t_s_s((safe_add_func_uint16_t_u_u(((0L < (((safe_rshift_func_int16_t_s_s((7UL || g_161[g_319]), 13)) & (*p_71)) > l_326)) > 0L), 0xC5ACL)), 0)));
        for (l_81 = 0; (l_81 <= 2); l_81 += 1)
        { /* block id: 165 */
            int32_t *l_330 = (void*)0;
            int i;
            g_206[g_319] = l_330;
        }
        ++l_334;
        if ((*g_106))
            continue;
    }
    (*g_163) = (*g_163);
    return (*p_71);
}


/* ------------------------------------------ */
/* 
 * reads : g_22 g_23 g_205 g_206 g_137 g_138 g_139 g_32 g_160 g_50 g_294 g_298 g_309 g_315
 * writes: g_206 g_192 g_294 g_49 g_316 g_50
 */
static const int32_t  func_82(uint16_t * p_83, int64_t  p_84, int16_t  p_85)
{ /* block id: 125 */
    uint16_t l_276[3];
    int32_t *l_286 = &g_50;
    uint32_t ****l_304 = (void*)0;
    int i;
    for (i = 0; i < 3; i++)
        l_276[i] = 0x986AL;
    if (((*g_22) , (((safe_rshift_func_int8_t_s_s((((*g_205) != (void*)0) < (**g_137)), l_276[2])) <= 0L) , l_276[2])))
    { /* block id: 126 */
        int64_t l_284 = (-8L);
        int32_t * const l_285 = &g_50;
        int32_t *l_293 = &g_294;
        if (p_84)
        { /* block id: 127 */
            (*g_205) = (void*)0;
        }
        else
        { /* block id: 129 */
            int16_t l_277 = 0xB1F7L;
            int64_t *l_282 = (void*)0;
            int64_t *l_283 = &g_192;
            l_284 = (l_277 < ((safe_add_func_int16_t_s_s(((((((safe_add_func_int64_t_s_s(((*l_283) = 0x9CE6A989546E2397LL), g_32[0])) || p_85) != p_85) , p_84) , 0x3A94L) , (-7L)), 0xD3C9L)) <= g_160));
        }
        l_286 = l_285;
        (*l_293) ^= (safe_div_func_int8_t_s_s(0xDEL, (safe_mod_func_uint32_t_u_u((((safe_rshift_func_uint16_t_u_s(1UL, g_139)) | (*l_285)) | (*l_286)), (*l_285)))));
    }
    else
    { /* block id: 135 */
        int32_t l_297 = 1L;
        uint32_t ***l_302 = &g_236;
        uint32_t ****l_301[1];
        uint32_t *****l_303[1];
        uint16_t *l_305 = &l_276[2];
        int32_t *l_308[2];
        int i;
        for (i = 0; i < 1; i++)
            l_301[i] = &l_302;
        for (i = 0; i < 1; i++)
            l_303[i] = &l_301[0];
        for (i = 0; i < 2; i++)
            l_308[i] = &g_294;
        (*g_298) ^= (((*p_83) < ((((((safe_sub_func_int64_t_s_s(l_297, (*l_286))) ^ (*g_22)) > (*l_286)) && l_297) , (*g_22)) | l_297)) & 0x7333L);
        l_304 = (((((*l_286) & (safe_rshift_func_uint8_t_u_s(0xCBL, (*l_286)))) , (*l_286)) == l_297) , l_301[0]);
        (*g_309) = ((--(*l_305)) , ((*g_205) = l_308[0]));
    }
    for (p_85 = 18; (p_85 > (-30)); p_85--)
    { /* block id: 144 */
        uint16_t *l_313[1];
        uint16_t **l_312[3];
        uint16_t ***l_314 = &l_312[1];
        int i;
        for (i = 0; i < 1; i++)
            l_313[i] = &g_80;
        for (i = 0; i < 3; i++)
            l_312[i] = &l_313[0];
        (*g_315) = ((*l_314) = l_312[1]);
        for (p_84 = 0; (p_84 <= 2); p_84 += 1)
        { /* block id: 149 */
            int i;
            (*l_286) = l_276[p_84];
        }
    }
    return (*l_286);
}


/* ------------------------------------------ */
/* 
 * reads : g_22 g_23 g_222 g_255 g_80 g_206 g_105 g_50 g_137 g_138 g_139
 * writes: g_80 g_105 g_50 g_236 g_255 g_206
 */
static uint16_t * func_86(uint32_t  p_87, int32_t ** p_88, uint16_t * p_89, uint32_t  p_90)
{ /* block id: 93 */
    uint8_t l_220 = 2UL;
    int32_t l_240 = 0xAE6DAE2CL;
    int32_t l_242 = 7L;
    int32_t l_243 = 0L;
    int32_t l_244 = (-5L);
    int32_t l_247 = 1L;
    int32_t l_248 = (-8L);
    int32_t l_250 = 0L;
    int32_t l_252[1];
    int64_t l_258 = 0x22A3397DFDC95800LL;
    uint32_t l_259 = 0UL;
    uint16_t l_269 = 0UL;
    uint16_t l_272 = 0x3497L;
    int i;
    for (i = 0; i < 1; i++)
        l_252[i] = 1L;
lbl_264:
    for (g_80 = 21; (g_80 != 23); g_80++)
    { /* block id: 96 */
        uint32_t l_213 = 0x9709B9CAL;
        for (g_105 = 0; (g_105 >= 22); g_105++)
        { /* block id: 99 */
            (*g_222) = (safe_mod_func_int32_t_s_s(l_213, (safe_mod_func_int32_t_s_s(((safe_mul_func_int8_t_s_s((safe_add_func_int8_t_s_s((-3L), (*g_22))), 0x77L)) != p_90), l_220))));
        }
    }
    for (p_87 = 0; (p_87 != 23); ++p_87)
    { /* block id: 105 */
        int32_t l_241 = 0x457C80C0L;
        int32_t l_245 = 0L;
        int32_t l_246 = 0x94AC5463L;
        int32_t l_249 = 1L;
        int32_t l_251 = 0x60ED1AFCL;
        int32_t l_253[2];
        int i;
        for (i = 0; i < 2; i++)
            l_253[i] = 0xD98C8301L;
        if ((safe_lshift_func_int16_t_s_s(0x4555L, ((&g_192 != (void*)0) , 0L))))
        { /* block id: 106 */
            uint16_t *l_229 = &g_80;
            uint16_t **l_228 = &l_229;
            uint16_t ***l_227 = &l_228;
            uint16_t ****l_232 = &l_227;
            (*l_232) = l_227;
        }
        else
        { /* block id: 108 */
            uint32_t *l_234 = &g_105;
            uint32_t **l_233 = &l_234;
            uint32_t ***l_235[2];
            int32_t l_238 = 2L;
            int32_t *l_239[1];
            int32_t l_254 = 0xADBBAD30L;
            int i;
            for (i = 0; i < 2; i++)
                l_235[i] = &l_233;
            for (i = 0; i < 1; i++)
                l_239[i] = (void*)0;
            g_236 = l_233;
            --g_255;
            --l_259;
        }
        for (g_80 = 0; (g_80 < 26); g_80 = safe_add_func_int64_t_s_s(g_80, 7))
        { /* block id: 115 */
            if (p_90)
                goto lbl_264;
            (*p_88) = (*p_88);
        }
        (*g_222) &= (((safe_sub_func_uint16_t_u_u((g_105 >= (((safe_div_func_uint8_t_u_u(((*g_22) != l_243), 0x3CL)) , p_90) > l_269)), l_249)) <= p_87) != 0xFADBL);
    }
    l_242 = l_247;
    l_252[0] ^= ((l_243 ^= ((safe_rshift_func_int8_t_s_u((*g_22), (**g_137))) , l_272)) && l_242);
    return p_89;
}


/* ------------------------------------------ */
/* 
 * reads : g_106 g_52 g_49 g_80 g_48 g_27 g_50 g_21 g_60 g_105 g_32 g_22 g_23 g_137 g_161 g_163 g_164 g_165 g_192
 * writes: g_105 g_50 g_49 g_106 g_80 g_165 g_192
 */
static int64_t  func_95(const uint32_t * const  p_96, uint8_t * p_97)
{ /* block id: 37 */
    uint32_t l_100 = 0x07E09FA0L;
    int32_t l_103 = (-1L);
    uint32_t *l_104 = &g_105;
    int32_t **l_107 = (void*)0;
    int32_t **l_108[3];
    const uint32_t l_112 = 4UL;
    uint16_t *l_113 = &g_80;
    const uint8_t *l_125 = &g_48[0];
    const int32_t *l_159[2];
    uint8_t l_162 = 0x8CL;
    volatile int32_t *l_181 = &g_165;
    int16_t l_195[2];
    uint8_t l_201[3];
    int i;
    for (i = 0; i < 3; i++)
        l_108[i] = &g_49[2];
    for (i = 0; i < 2; i++)
        l_159[i] = &g_160;
    for (i = 0; i < 2; i++)
        l_195[i] = 0x8FB5L;
    for (i = 0; i < 3; i++)
        l_201[i] = 0x1CL;
    (*g_106) = (l_100 >= ((*l_104) = (((safe_rshift_func_uint16_t_u_u((l_100 != 0L), l_100)) , 0xDAEE1FA0L) | l_103)));
lbl_188:
    g_106 = ((*g_52) = (void*)0);
    if (((((!((((((*l_113) |= (safe_div_func_int32_t_s_s(((void*)0 != (*g_52)), l_112))) , 1L) & g_48[0]) , g_27) || g_50)) | g_21) & 3UL) != g_50))
    { /* block id: 43 */
        const int32_t *l_121[1];
        const int32_t **l_120[2];
        int32_t l_122 = 0x1FDCAA39L;
        uint64_t l_166[2];
        int i;
        for (i = 0; i < 1; i++)
            l_121[i] = (void*)0;
        for (i = 0; i < 2; i++)
            l_120[i] = &l_121[0];
        for (i = 0; i < 2; i++)
            l_166[i] = 0UL;
        for (l_100 = 0; (l_100 != 55); l_100 = safe_add_func_int32_t_s_s(l_100, 5))
        { /* block id: 46 */
            uint16_t l_118 = 0x6A87L;
            int32_t l_119 = 0xE20A5F0DL;
            const uint8_t **l_126 = &l_125;
            l_119 = ((*p_96) > (((safe_add_func_int64_t_s_s(((((g_105 >= 0xBE07DECC76B58F18LL) == l_118) | g_32[0]) | g_60), g_60)) ^ 0xE4L) ^ l_118));
            l_119 |= (((((l_118 , l_120[1]) != &l_121[0]) && l_118) <= 0xE11BL) >= 0x75C8F0ABFABC748ELL);
            l_122 = l_118;
            l_119 = (safe_sub_func_uint8_t_u_u((*p_97), (((*l_126) = l_125) == &g_48[0])));
        }
lbl_141:
        for (g_50 = 0; (g_50 == (-3)); g_50--)
        { /* block id: 55 */
            int64_t l_136[3];
            int32_t l_140[3];
            int i;
            for (i = 0; i < 3; i++)
                l_136[i] = 0xAE7C4FE17DD59E71LL;
            for (i = 0; i < 3; i++)
                l_140[i] = 0x47B41CF2L;
            l_140[0] &= (((((((safe_div_func_uint8_t_u_u((~(safe_sub_func_uint16_t_u_u((safe_rshift_func_int8_t_s_s((*g_22), l_136[1])), g_48[0]))), l_136[2])) , 0x501C69F0B4AB819BLL) != g_48[0]) , (void*)0) == g_137) <= 65535UL) || g_27);
            if (g_80)
                goto lbl_141;
        }
        (**g_163) = ((((safe_mul_func_uint16_t_u_u((safe_lshift_func_uint8_t_u_s((safe_mul_func_uint8_t_u_u(((((safe_add_func_int16_t_s_s((safe_unary_minus_func_int16_t_s(((safe_mul_func_int8_t_s_s((safe_add_func_int32_t_s_s(((safe_mod_func_uint64_t_u_u((l_122 = (safe_sub_func_int16_t_s_s(((((l_159[0] = (*g_52)) != p_96) && g_32[0]) && (*p_96)), g_50))), g_48[0])) , g_161[2]), l_162)), g_105)) == g_23))), g_48[0])) , g_163) != (void*)0) ^ (*p_96)), (*g_22))), 5)), g_50)) | (-1L)) & g_50) > l_166[0]);
    }
    else
    { /* block id: 62 */
        uint32_t l_169[2];
        const int32_t *l_172 = &g_50;
        int32_t l_175 = (-3L);
        uint8_t l_179[2];
        uint16_t *l_182 = &g_80;
        uint16_t *l_185 = &g_80;
        int32_t l_193[3];
        uint64_t l_196 = 0UL;
        int32_t l_200 = (-8L);
        int i;
        for (i = 0; i < 2; i++)
            l_169[i] = 5UL;
        for (i = 0; i < 2; i++)
            l_179[i] = 248UL;
        for (i = 0; i < 3; i++)
            l_193[i] = 0x7B0691E2L;
        for (l_162 = 0; (l_162 != 8); l_162++)
        { /* block id: 65 */
            uint32_t l_170 = 0UL;
            int32_t *l_171 = &g_50;
            if (l_169[0])
                break;
            l_170 = (0xD3598B098B969CE4LL || (((**g_163) , &g_138) != &p_97));
            l_171 = (*g_52);
            l_172 = p_96;
        }
        if (((*l_172) <= (((safe_add_func_uint64_t_u_u((4294967290UL ^ 1L), g_21)) && g_48[0]) && l_175)))
        { /* block id: 71 */
            int32_t l_178 = 0x5CB7F88AL;
            volatile int32_t **l_180[1];
            int i;
            for (i = 0; i < 1; i++)
                l_180[i] = &g_164[1];
            l_179[0] ^= (safe_mul_func_uint8_t_u_u(((((*l_172) || ((1UL & 4UL) && l_178)) ^ l_178) && 0x4DL), (*p_97)));
            l_181 = (*g_163);
        }
        else
        { /* block id: 74 */
            uint16_t **l_183 = (void*)0;
            uint16_t **l_184[3];
            int32_t l_186 = 0L;
            int32_t l_187[3];
            int64_t *l_191 = &g_192;
            int i;
            for (i = 0; i < 3; i++)
                l_184[i] = &l_113;
            for (i = 0; i < 3; i++)
                l_187[i] = (-1L);
            l_187[0] = (l_186 = (((l_182 == (l_185 = &g_80)) < l_186) == (*l_172)));
            if (l_162)
                goto lbl_189;
lbl_189:
            if (g_23)
                goto lbl_188;
            (*l_181) = (!((*l_191) |= ((l_113 == l_182) != (*g_22))));
            l_196--;
        }
        for (l_175 = 0; (l_175 >= 0); l_175 -= 1)
        { /* block id: 86 */
            int32_t l_199[3];
            int i;
            for (i = 0; i < 3; i++)
                l_199[i] = 0x70157660L;
            (*l_181) = l_179[l_175];
            ++l_201[1];
        }
    }
    return (*l_181);
}




/* ---------------------------------------- */
int main (void)
{
    int i;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_8, "g_8", print_hash_value);
    transparent_crc(g_21, "g_21", print_hash_value);
    transparent_crc(g_23, "g_23", print_hash_value);
    transparent_crc(g_27, "g_27", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_32[i], "g_32[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_48[i], "g_48[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_50, "g_50", print_hash_value);
    transparent_crc(g_60, "g_60", print_hash_value);
    transparent_crc(g_80, "g_80", print_hash_value);
    transparent_crc(g_105, "g_105", print_hash_value);
    transparent_crc(g_139, "g_139", print_hash_value);
    transparent_crc(g_160, "g_160", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_161[i], "g_161[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_165, "g_165", print_hash_value);
    transparent_crc(g_192, "g_192", print_hash_value);
    transparent_crc(g_194, "g_194", print_hash_value);
    transparent_crc(g_255, "g_255", print_hash_value);
    transparent_crc(g_294, "g_294", print_hash_value);
    transparent_crc(g_319, "g_319", print_hash_value);
    transparent_crc(g_417, "g_417", print_hash_value);
    transparent_crc(g_420, "g_420", print_hash_value);
    transparent_crc(g_464, "g_464", print_hash_value);
    transparent_crc(g_481, "g_481", print_hash_value);
    transparent_crc(g_581, "g_581", print_hash_value);
    transparent_crc(g_600, "g_600", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 177
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 0
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 0
XXX structs with bitfields in the program: 0
breakdown:
XXX full-bitfields structs in the program: 0
breakdown:
XXX times a bitfields struct's address is taken: 0
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 0
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 0

XXX max expression depth: 22
breakdown:
   depth: 1, occurrence: 170
   depth: 2, occurrence: 35
   depth: 3, occurrence: 4
   depth: 4, occurrence: 12
   depth: 5, occurrence: 4
   depth: 6, occurrence: 10
   depth: 7, occurrence: 8
   depth: 8, occurrence: 1
   depth: 9, occurrence: 7
   depth: 10, occurrence: 6
   depth: 11, occurrence: 3
   depth: 12, occurrence: 1
   depth: 15, occurrence: 1
   depth: 20, occurrence: 1
   depth: 22, occurrence: 1

XXX total number of pointers: 167

XXX times a variable address is taken: 133
XXX times a pointer is dereferenced on RHS: 106
breakdown:
   depth: 1, occurrence: 85
   depth: 2, occurrence: 19
   depth: 3, occurrence: 2
XXX times a pointer is dereferenced on LHS: 88
breakdown:
   depth: 1, occurrence: 85
   depth: 2, occurrence: 2
   depth: 3, occurrence: 0
   depth: 4, occurrence: 1
XXX times a pointer is compared with null: 4
XXX times a pointer is compared with address of another variable: 2
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 2531

XXX max dereference level: 4
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 557
   level: 2, occurrence: 100
   level: 3, occurrence: 7
   level: 4, occurrence: 5
XXX number of pointers point to pointers: 50
XXX number of pointers point to scalars: 117
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 21.6
XXX average alias set size: 1.15

XXX times a non-volatile is read: 442
XXX times a non-volatile is write: 244
XXX times a volatile is read: 70
XXX    times read thru a pointer: 24
XXX times a volatile is write: 27
XXX    times written thru a pointer: 4
XXX times a volatile is available for access: 426
XXX percentage of non-volatile access: 87.6

XXX forward jumps: 3
XXX backward jumps: 4

XXX stmts: 166
XXX max block depth: 2
breakdown:
   depth: 0, occurrence: 37
   depth: 1, occurrence: 48
   depth: 2, occurrence: 81

XXX percentage a fresh-made variable is used: 18.1
XXX percentage an existing variable is used: 81.9
********************* end of statistics **********************/

