#include "csmith.h"
static long __undefined;
#pragma pack(push)
#pragma pack(1)
struct S0 {
   volatile signed f0 : 24;
   volatile signed f1 : 15;
   signed f2 : 22;
};
#pragma pack(pop)
static int32_t g_2 = (-2L);
static volatile int32_t g_5 = 0x4543BEB7L;
static volatile int32_t g_6 = 0L;
static volatile int32_t g_7 = 0x79CF1813L;
static int32_t g_8 = (-1L);
static int32_t g_13 = 0x41E4F1F1L;
static uint32_t g_27 = 0xE018EBDBL;
static int16_t g_57[2] = {0x9BA1L,0x9BA1L};
static int16_t g_59 = 0L;
static const int32_t g_71 = 6L;
static const int32_t *g_70 = &g_71;
static uint32_t g_73 = 0xE6A916C6L;
static const int64_t g_103 = (-9L);
static int64_t g_112 = 0x2D56B383239552BCLL;
static int32_t g_118 = 0L;
static int64_t **g_124 = (void*)0;
static int64_t g_145[2][3] = {{0L,0L,0L},{0L,0L,0L}};
static int16_t g_146 = 0x1D03L;
static uint32_t g_147 = 0x3D93154CL;
static uint8_t g_202 = 5UL;
static uint64_t g_206 = 0x8798744AF555DEF7LL;
static int64_t g_225 = 0x8B2FA42F4987F47BLL;
static int16_t g_226 = 0x7AFFL;
static int32_t g_233[2][4] = {{0L,0L,0L,0L},{0L,0L,0L,0L}};
static uint32_t g_234 = 0xAFA950DAL;
static int32_t g_238 = 0L;
static uint32_t g_240 = 1UL;
static uint32_t g_248 = 0xF83EA192L;
static int8_t g_276[3] = {1L,1L,1L};
static int64_t ***g_319 = &g_124;
static int64_t ****g_318 = &g_319;
static int64_t *g_325 = (void*)0;
static int64_t **g_324 = &g_325;
static int16_t g_327 = 1L;
static int16_t *g_326 = &g_327;
static int32_t g_344 = 0x09768D33L;
static uint16_t g_347 = 0x5125L;
static uint16_t g_358 = 0UL;
static uint8_t g_360 = 255UL;
static struct S0 g_367 = {2534,-114,1113};
static struct S0 g_369 = {-117,-144,-944};
static struct S0 *g_368 = &g_369;
static int32_t g_453 = 0L;
static uint8_t g_454 = 250UL;
static uint32_t * const g_463[1][3] = {{&g_73,&g_73,&g_73}};
static uint32_t * const *g_462 = &g_463[0][1];
static volatile struct S0 g_469[3][2] = {{{471,-175,567},{471,-175,567}},{{3832,-7,-1161},{471,-175,567}},{{471,-175,567},{3832,-7,-1161}}};
static volatile struct S0 *g_468 = &g_469[1][0];
static volatile struct S0 **g_467 = &g_468;
static volatile struct S0 ** volatile *g_466 = &g_467;
static int8_t g_483 = 0x75L;
static uint32_t **g_500 = (void*)0;
static int64_t g_513 = 0x9DBF96A998E22B80LL;
static uint8_t g_517 = 0x09L;
static uint64_t g_579 = 4UL;
static int32_t g_590 = (-4L);
static uint16_t g_591[1] = {65533UL};
static struct S0 g_629 = {-3665,124,-1376};
static uint64_t g_637 = 0xF75E2CB2299D96F9LL;
static uint16_t g_663[1] = {0xE2A2L};
static struct S0 g_684 = {-3071,43,-1867};
static int8_t g_690 = 0xCFL;
static uint32_t g_692 = 0xC32E0F25L;
static int8_t g_703 = 0x9BL;
static int8_t g_711 = 0xDFL;
static struct S0 g_719 = {1770,-44,1055};
static struct S0 * const g_718 = &g_719;
static struct S0 * const *g_717 = &g_718;
static volatile int32_t *g_760 = &g_5;
static struct S0 g_761 = {-1197,65,1192};
static int32_t ** volatile g_776 = (void*)0;
static int32_t *g_778 = &g_118;
static int32_t ** volatile g_777[1] = {&g_778};
static struct S0 **g_792 = (void*)0;
static struct S0 g_825[1] = {{-2653,139,-1992}};
static int64_t * const *g_855[2] = {&g_325,&g_325};
static int64_t * const **g_854 = &g_855[0];
static int64_t * const ***g_853 = &g_854;
static volatile int32_t * const  volatile **g_910 = (void*)0;
static struct S0 g_911 = {17,144,-228};
static struct S0 g_922 = {520,140,-502};
static struct S0  func_1(void);
static struct S0  func_30(uint64_t  p_31, const int64_t  p_32, int64_t * const  p_33, uint8_t  p_34);
static int64_t * const  func_35(int64_t * p_36, int16_t  p_37, int64_t  p_38);
static int64_t * func_39(int64_t * const  p_40, int8_t  p_41, uint32_t  p_42);




static struct S0  func_1(void)
{ 
    int32_t l_11 = 0x006887E0L;
    int32_t l_14 = (-8L);
    int64_t l_22[3][3] = {{0x9737E0D1B7136239LL,0x9737E0D1B7136239LL,0x9737E0D1B7136239LL},{0x4BF748DC164F943ALL,0x4BF748DC164F943ALL,0x4BF748DC164F943ALL},{0x9737E0D1B7136239LL,0x9737E0D1B7136239LL,0x9737E0D1B7136239LL}};
    int64_t ***l_780 = &g_124;
    int32_t l_808[4] = {0x3202596FL,0x3202596FL,0x3202596FL,0x3202596FL};
    int32_t l_810 = 1L;
    int32_t l_811 = 0xCC8C6FFDL;
    int32_t l_817[3];
    int16_t l_818[4] = {3L,3L,3L,3L};
    uint32_t l_862 = 1UL;
    uint32_t l_882 = 0UL;
    int8_t l_904 = (-1L);
    uint32_t l_920 = 0x10BCAFEBL;
    int i, j;
    for (i = 0; i < 3; i++)
        l_817[i] = (-1L);
    for (g_2 = 0; (g_2 > 26); g_2 = safe_add_func_uint32_t_u_u(g_2, 4))
    { 
        int32_t l_762 = 1L;
        int32_t l_771[1];
        int64_t l_783 = 0x15DB50D9C5E9DDFALL;
        const struct S0 *l_789 = &g_761;
        const struct S0 **l_788 = &l_789;
        const uint16_t *l_794 = &g_663[0];
        int32_t *l_795 = &g_118;
        int32_t l_800 = 0x495A25EDL;
        int32_t l_812 = 0x7D81806FL;
        int32_t l_814[3][4] = {{0xE1319B96L,0xE1319B96L,0xE1319B96L,0xE1319B96L},{0xE1319B96L,0xE1319B96L,0xE1319B96L,0xE1319B96L},{0xE1319B96L,0xE1319B96L,0xE1319B96L,0xE1319B96L}};
        int i, j;
        for (i = 0; i < 1; i++)
            l_771[i] = 9L;
        for (g_8 = 0; (g_8 <= (-18)); g_8 = safe_sub_func_uint32_t_u_u(g_8, 9))
        { 
            uint8_t l_23 = 0x33L;
            int32_t **l_779 = &g_778;
            if (l_11)
            { 
                int32_t *l_12 = &g_13;
                int32_t *l_15 = &g_13;
                int32_t *l_16 = &g_13;
                int32_t *l_17 = &l_14;
                int32_t *l_18 = &g_13;
                int32_t *l_19 = &g_13;
                int32_t *l_20 = &g_13;
                int32_t *l_21[1];
                int i;
                for (i = 0; i < 1; i++)
                    l_21[i] = (void*)0;
                --l_23;
            }
            else
            { 
                int64_t *l_26[4];
                int64_t **l_43 = &l_26[1];
                int32_t l_750 = 0xF1D225E7L;
                int8_t *l_765 = (void*)0;
                int32_t *l_772 = (void*)0;
                int32_t *l_773 = (void*)0;
                int32_t *l_774 = (void*)0;
                int32_t *l_775 = &g_118;
                int i;
                for (i = 0; i < 4; i++)
                    l_26[i] = (void*)0;
                g_629.f1 = ((g_27 = 5L) >= (safe_sub_func_uint64_t_u_u((g_637 = ((g_13 <= (((func_30(g_6, g_13, func_35(func_39(((*l_43) = &l_22[1][0]), g_13, l_23), (*g_326), l_23), l_750) , (*g_326)) && (*g_326)) | 1UL)) <= l_762)), l_23)));
                (*l_775) &= ((safe_add_func_uint64_t_u_u(g_483, (((void*)0 != l_765) ^ ((((0xB3L > (safe_mod_func_int32_t_s_s((safe_unary_minus_func_int32_t_s((safe_div_func_int32_t_s_s((*g_760), l_762)))), l_771[0]))) , g_206) || 1L) || l_750)))) && 1L);
            }
            (*l_779) = &g_8;
            l_780 = (*g_318);
            for (g_703 = (-28); (g_703 <= 25); g_703++)
            { 
                (*g_760) = l_783;
            }
        }
        for (l_783 = 0; (l_783 != (-24)); l_783 = safe_sub_func_uint16_t_u_u(l_783, 8))
        { 
            const struct S0 ***l_790 = &l_788;
            struct S0 **l_791 = &g_368;
            int32_t l_793 = (-3L);
            const int32_t *l_799[4] = {&g_344,&g_344,&g_344,&g_344};
            int32_t l_809 = 0xF9538303L;
            int32_t l_813 = 0x72D9ECA1L;
            int32_t l_815 = 0x41524A87L;
            int32_t l_816[4] = {0x9FE7BCC5L,0x9FE7BCC5L,0x9FE7BCC5L,0x9FE7BCC5L};
            uint8_t l_819 = 0x76L;
            int i;
            if ((&g_663[0] != (((safe_sub_func_int16_t_s_s((*g_326), (((*l_790) = l_788) != (g_792 = l_791)))) | (((l_793 != l_762) >= 255UL) > g_57[1])) , l_794)))
            { 
                const int32_t *l_796 = &l_793;
                const int32_t **l_797 = &l_796;
                const int32_t **l_798[4];
                int i;
                for (i = 0; i < 4; i++)
                    l_798[i] = &g_70;
                (*g_778) &= (0xDE72487A7D7A1CEELL >= (&g_792 != &l_791));
                l_795 = l_795;
                l_799[2] = ((*l_797) = l_796);
            }
            else
            { 
                int32_t *l_801 = &g_8;
                int32_t *l_802 = (void*)0;
                int32_t *l_803 = (void*)0;
                int32_t *l_804 = &l_14;
                int32_t *l_805 = &g_344;
                int32_t *l_806[4];
                int8_t l_807[2];
                int64_t *l_823 = &g_225;
                int32_t **l_824[2][2] = {{&l_795,&l_795},{&l_795,&l_795}};
                int i, j;
                for (i = 0; i < 4; i++)
                    l_806[i] = &g_118;
                for (i = 0; i < 2; i++)
                    l_807[i] = 0x97L;
                l_819--;
                l_795 = ((g_590 || ((((*l_823) &= ((g_71 , 0x89L) , (g_248 > (+(*l_795))))) > l_818[1]) >= g_59)) , (void*)0);
            }
            return g_825[0];
        }
    }
    for (g_226 = 0; (g_226 == (-9)); g_226--)
    { 
        uint16_t *l_832 = (void*)0;
        uint16_t *l_833 = &g_663[0];
        int32_t l_840 = 0x4FADA6E9L;
        int32_t * const l_841 = &g_2;
        int32_t l_860 = 0x272C0A07L;
        int64_t * const l_861[1] = {&g_112};
        const uint8_t l_873 = 0x63L;
        uint16_t l_919 = 6UL;
        int8_t *l_921[1][3];
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 3; j++)
                l_921[i][j] = &g_276[1];
        }
        (*g_778) = (-9L);
        if (((safe_lshift_func_uint16_t_u_u((safe_mul_func_int16_t_s_s(((++(*l_833)) , ((l_810 & ((safe_add_func_uint8_t_u_u(0UL, (safe_sub_func_int16_t_s_s(l_840, 65535UL)))) >= l_840)) | l_817[0])), l_840)), l_840)) != l_840))
        { 
            int32_t *l_842 = &g_8;
            int8_t l_872 = 0L;
            l_842 = l_841;
            g_344 ^= ((safe_lshift_func_uint16_t_u_u((safe_mod_func_uint32_t_u_u((func_30(g_591[0], ((safe_lshift_func_uint16_t_u_u((l_14 , ((*l_833) = (safe_rshift_func_uint16_t_u_s(((((safe_add_func_uint32_t_u_u(((g_853 = g_853) == (((*l_841) = (((**g_462) &= ((safe_lshift_func_uint16_t_u_s((((((((safe_lshift_func_uint16_t_u_u(0x5EF5L, 12)) , (*g_324)) != (*g_324)) == (*l_842)) == 0x4E9AL) , (*l_841)) & (*l_841)), 15)) || l_860)) ^ 1L)) , &g_854)), (-1L))) & l_818[3]) > 0x700C4C966976BBA7LL) , g_690), 7)))), 9)) && l_818[3]), l_861[0], l_862) , 4294967294UL), 1L)), 13)) != g_206);
            (*l_841) = 0L;
            if (((((*l_842) = ((((*l_842) , (safe_add_func_int8_t_s_s(((((*g_326) = (((((g_684.f1 == ((safe_mul_func_uint8_t_u_u((safe_lshift_func_int8_t_s_u(((safe_unary_minus_func_uint32_t_u((**g_462))) < (((((l_872 || g_71) && (*l_842)) & (*l_841)) >= 1L) & l_808[3])), g_225)), g_591[0])) || 6UL)) || (*l_841)) , (*l_842)) != g_57[1]) , (*g_326))) >= 0UL) < (*l_842)), 0x73L))) , g_6) != (*l_841))) == l_14) , (*l_841)))
            { 
                uint64_t l_883 = 0x977F21C8E33227E0LL;
                l_817[0] ^= (func_30((*l_841), l_873, (**g_854), (((safe_rshift_func_uint16_t_u_s((safe_sub_func_int16_t_s_s((((18446744073709551615UL <= ((safe_sub_func_uint32_t_u_u((safe_div_func_int64_t_s_s(l_11, (*l_841))), (-9L))) || (-1L))) , (*g_778)) , (*g_326)), 0x43E8L)), (*g_326))) == (**g_462)) <= 4294967295UL)) , l_882);
                if (l_883)
                    continue;
                (*g_467) = (**g_466);
                return (***g_466);
            }
            else
            { 
                (*l_841) = 0xE6E9056AL;
            }
        }
        else
        { 
            int64_t l_886 = 0xC4AD381E14720AE2LL;
            int32_t **l_890 = &g_778;
            int32_t ***l_889 = &l_890;
            int32_t **l_892 = (void*)0;
            int32_t ***l_891 = &l_892;
            int32_t **l_894[3][3] = {{&g_778,&g_778,&g_778},{&g_778,&g_778,&g_778},{&g_778,&g_778,&g_778}};
            int32_t ***l_893 = &l_894[0][2];
            int64_t l_895 = (-3L);
            struct S0 **l_896 = &g_368;
            int i, j;
            if ((((((safe_rshift_func_uint16_t_u_s((l_886 ^ (safe_mul_func_int8_t_s_s((&g_760 != ((*l_893) = ((*l_891) = ((*l_889) = &g_778)))), g_145[0][1]))), 0)) || (***l_891)) > l_895) && (*l_841)) & 0x264C8002232851F6LL))
            { 
                struct S0 ***l_897 = &g_792;
                int8_t *l_898 = (void*)0;
                int8_t *l_899[1];
                uint64_t *l_905 = &g_206;
                int i;
                for (i = 0; i < 1; i++)
                    l_899[i] = &g_483;
                (**g_467) = func_30((0L > (g_483 = (g_276[2] = (l_896 == ((*l_897) = &g_368))))), (safe_lshift_func_int16_t_s_s((safe_sub_func_int8_t_s_s(((((*l_905)++) || ((-5L) <= (&g_467 == (void*)0))) | (*l_841)), g_517)), l_11)), (***g_853), (*l_841));
                (*g_778) ^= ((*g_326) && (253UL | (safe_add_func_int64_t_s_s((((g_6 , &g_777[0]) == g_910) > 0x45E37B036BB37E03LL), 0x0F55098E9EB4B8BELL))));
            }
            else
            { 
                return g_911;
            }
            return (*g_718);
        }
        g_369.f2 ^= (safe_add_func_int8_t_s_s((((*g_468) , (l_22[1][1] & (g_276[0] &= ((-1L) && ((*l_841) = ((l_920 = (((*g_778) = (safe_rshift_func_int16_t_s_u(((+((safe_add_func_int64_t_s_s(l_817[2], (l_919 ^ (*l_841)))) && l_904)) <= (*l_841)), 6))) ^ (**g_462))) | 0x56DD9124EB3885D7LL)))))) || l_818[3]), l_817[1]));
    }
    return g_922;
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
    transparent_crc(g_6, "g_6", print_hash_value);
    transparent_crc(g_7, "g_7", print_hash_value);
    transparent_crc(g_8, "g_8", print_hash_value);
    transparent_crc(g_13, "g_13", print_hash_value);
    transparent_crc(g_27, "g_27", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_57[i], "g_57[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_59, "g_59", print_hash_value);
    transparent_crc(g_71, "g_71", print_hash_value);
    transparent_crc(g_73, "g_73", print_hash_value);
    transparent_crc(g_103, "g_103", print_hash_value);
    transparent_crc(g_112, "g_112", print_hash_value);
    transparent_crc(g_118, "g_118", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_145[i][j], "g_145[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_146, "g_146", print_hash_value);
    transparent_crc(g_147, "g_147", print_hash_value);
    transparent_crc(g_202, "g_202", print_hash_value);
    transparent_crc(g_206, "g_206", print_hash_value);
    transparent_crc(g_225, "g_225", print_hash_value);
    transparent_crc(g_226, "g_226", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_233[i][j], "g_233[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_234, "g_234", print_hash_value);
    transparent_crc(g_238, "g_238", print_hash_value);
    transparent_crc(g_240, "g_240", print_hash_value);
    transparent_crc(g_248, "g_248", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_276[i], "g_276[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_327, "g_327", print_hash_value);
    transparent_crc(g_344, "g_344", print_hash_value);
    transparent_crc(g_347, "g_347", print_hash_value);
    transparent_crc(g_358, "g_358", print_hash_value);
    transparent_crc(g_360, "g_360", print_hash_value);
    transparent_crc(g_367.f0, "g_367.f0", print_hash_value);
    transparent_crc(g_367.f1, "g_367.f1", print_hash_value);
    transparent_crc(g_367.f2, "g_367.f2", print_hash_value);
    transparent_crc(g_369.f0, "g_369.f0", print_hash_value);
    transparent_crc(g_369.f1, "g_369.f1", print_hash_value);
    transparent_crc(g_369.f2, "g_369.f2", print_hash_value);
    transparent_crc(g_453, "g_453", print_hash_value);
    transparent_crc(g_454, "g_454", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_469[i][j].f0, "g_469[i][j].f0", print_hash_value);
            transparent_crc(g_469[i][j].f1, "g_469[i][j].f1", print_hash_value);
            transparent_crc(g_469[i][j].f2, "g_469[i][j].f2", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_483, "g_483", print_hash_value);
    transparent_crc(g_513, "g_513", print_hash_value);
    transparent_crc(g_517, "g_517", print_hash_value);
    transparent_crc(g_579, "g_579", print_hash_value);
    transparent_crc(g_590, "g_590", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_591[i], "g_591[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_629.f0, "g_629.f0", print_hash_value);
    transparent_crc(g_629.f1, "g_629.f1", print_hash_value);
    transparent_crc(g_629.f2, "g_629.f2", print_hash_value);
    transparent_crc(g_637, "g_637", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_663[i], "g_663[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_684.f0, "g_684.f0", print_hash_value);
    transparent_crc(g_684.f1, "g_684.f1", print_hash_value);
    transparent_crc(g_684.f2, "g_684.f2", print_hash_value);
    transparent_crc(g_690, "g_690", print_hash_value);
    transparent_crc(g_692, "g_692", print_hash_value);
    transparent_crc(g_703, "g_703", print_hash_value);
    transparent_crc(g_711, "g_711", print_hash_value);
    transparent_crc(g_719.f0, "g_719.f0", print_hash_value);
    transparent_crc(g_719.f1, "g_719.f1", print_hash_value);
    transparent_crc(g_719.f2, "g_719.f2", print_hash_value);
    transparent_crc(g_761.f0, "g_761.f0", print_hash_value);
    transparent_crc(g_761.f1, "g_761.f1", print_hash_value);
    transparent_crc(g_761.f2, "g_761.f2", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_825[i].f0, "g_825[i].f0", print_hash_value);
        transparent_crc(g_825[i].f1, "g_825[i].f1", print_hash_value);
        transparent_crc(g_825[i].f2, "g_825[i].f2", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_911.f0, "g_911.f0", print_hash_value);
    transparent_crc(g_911.f1, "g_911.f1", print_hash_value);
    transparent_crc(g_911.f2, "g_911.f2", print_hash_value);
    transparent_crc(g_922.f0, "g_922.f0", print_hash_value);
    transparent_crc(g_922.f1, "g_922.f1", print_hash_value);
    transparent_crc(g_922.f2, "g_922.f2", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}
