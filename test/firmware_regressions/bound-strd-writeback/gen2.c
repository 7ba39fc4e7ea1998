/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 3391370211 --no-argc --max-funcs 3 --max-block-depth 2 --max-expr-complexity 4 --max-array-dim 1 --max-array-len-per-dim 4 --max-struct-fields 3
 * Seed:      3391370211
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
/* --- GLOBAL VARIABLES --- */
static int8_t g_2[3] = {0x17L,0x17L,0x17L};
static int32_t g_14 = 0L;
static uint64_t g_33[2] = {0UL,0UL};
static uint64_t g_35 = 1UL;
static int32_t g_37 = 0xC5C935CBL;
static int32_t * volatile g_36 = &g_37;/* VOLATILE GLOBAL g_36 */
static uint32_t g_45 = 0xE745C5BBL;
static int32_t g_47 = 0x8B697689L;
static uint64_t g_48 = 18446744073709551612UL;


/* --- FORWARD DECLARATIONS --- */
static int16_t  func_1(void);
static int32_t  func_8(int32_t  p_9, int8_t  p_10, uint32_t  p_11, const int64_t  p_12);
static int64_t  func_21(int32_t * p_22, int32_t * p_23, int32_t  p_24);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_2 g_14 g_33 g_36 g_37 g_45 g_47 g_35 g_48
 * writes: g_14 g_33 g_35 g_37 g_47 g_48
 */
static int16_t  func_1(void)
{ /* block id: 0 */
    uint16_t l_15 = 0x9989L;
    if (g_2[1])
    { /* block id: 1 */
        int32_t l_5 = (-1L);
        int32_t *l_13 = &g_14;
        g_48 &= ((safe_rshift_func_uint8_t_u_s((l_5 >= (safe_sub_func_uint16_t_u_u(((func_8(((*l_13) = 0x6EFBA1A4L), l_15, g_2[0], g_2[1]) | g_2[2]) , g_35), 0L))), l_15)) , (*g_36));
        return g_48;
    }
    else
    { /* block id: 16 */
        int32_t *l_50 = &g_37;
        for (g_35 = 0; (g_35 <= 2); g_35 += 1)
        { /* block id: 19 */
            int32_t *l_49 = (void*)0;
            int i;
            (*g_36) &= (-1L);
            if (g_2[g_35])
                continue;
            (*g_36) = (&g_47 != l_50);
        }
    }
    return g_2[1];
}


/* ------------------------------------------ */
/* 
 * reads : g_14 g_33 g_2 g_36 g_37 g_45 g_47
 * writes: g_14 g_33 g_35 g_37 g_47
 */
static int32_t  func_8(int32_t  p_9, int8_t  p_10, uint32_t  p_11, const int64_t  p_12)
{ /* block id: 3 */
    int32_t *l_16 = &g_14;
    int32_t *l_44 = &g_37;
    int32_t *l_46 = &g_47;
    (*l_16) = ((void*)0 == l_16);
    (*l_46) |= ((*l_16) , ((safe_sub_func_uint16_t_u_u((l_16 == ((safe_mod_func_int64_t_s_s(func_21(&g_14, l_16, (*l_16)), 0x4E023024A1329794LL)) , l_44)), p_12)) ^ g_45));
    return p_9;
}


/* ------------------------------------------ */
/* 
 * reads : g_33 g_14 g_2 g_36 g_37
 * writes: g_33 g_35 g_37 g_14
 */
static int64_t  func_21(int32_t * p_22, int32_t * p_23, int32_t  p_24)
{ /* block id: 5 */
    uint16_t l_25 = 8UL;
    uint64_t *l_32 = &g_33[0];
    uint64_t *l_34 = &g_35;
    l_25--;
    (*g_36) &= (safe_mul_func_int8_t_s_s(0x48L, (((3UL > (safe_mod_func_int8_t_s_s(((((((((*l_34) = ((*l_32) |= 0x7AF9CA3EAA3E8F08LL)) & p_24) , g_14) ^ g_2[1]) , 0x82L) , 0x025004286A4ABFF1LL) == l_25), l_25))) , (*p_22)) || p_24)));
    g_14 ^= (p_24 >= (((*g_36) < (safe_rshift_func_int8_t_s_u((safe_div_func_uint64_t_u_u((((safe_rshift_func_int8_t_s_s((l_25 , p_24), 3)) , 1L) == 7L), l_25)), 1))) && 0x302CCA7A22F0F5B8LL));
    return p_24;
}




/* ---------------------------------------- */
int main (void)
{
    int i;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_2[i], "g_2[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_14, "g_14", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_33[i], "g_33[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_35, "g_35", print_hash_value);
    transparent_crc(g_37, "g_37", print_hash_value);
    transparent_crc(g_45, "g_45", print_hash_value);
    transparent_crc(g_47, "g_47", print_hash_value);
    transparent_crc(g_48, "g_48", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 9
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

XXX max expression depth: 14
breakdown:
   depth: 1, occurrence: 16
   depth: 2, occurrence: 3
   depth: 10, occurrence: 2
   depth: 12, occurrence: 1
   depth: 14, occurrence: 1

XXX total number of pointers: 11

XXX times a variable address is taken: 10
XXX times a pointer is dereferenced on RHS: 5
breakdown:
   depth: 1, occurrence: 5
XXX times a pointer is dereferenced on LHS: 8
breakdown:
   depth: 1, occurrence: 8
XXX times a pointer is compared with null: 1
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 23

XXX max dereference level: 1
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 24
XXX number of pointers point to pointers: 0
XXX number of pointers point to scalars: 11
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 9.09
XXX average alias set size: 1

XXX times a non-volatile is read: 39
XXX times a non-volatile is write: 17
XXX times a volatile is read: 2
XXX    times read thru a pointer: 0
XXX times a volatile is write: 3
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 5
XXX percentage of non-volatile access: 91.8

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 15
XXX max block depth: 2
breakdown:
   depth: 0, occurrence: 9
   depth: 1, occurrence: 3
   depth: 2, occurrence: 3

XXX percentage a fresh-made variable is used: 21.4
XXX percentage an existing variable is used: 78.6
********************* end of statistics **********************/

