#include "csmith.h"
static long __undefined;
union U0 {
   volatile int32_t  f0;
};
union U1 {
   volatile uint64_t  f0;
   uint64_t  f1;
   volatile uint8_t  f2;
};
union U2 {
   signed f0 : 1;
};
static volatile uint64_t g_7[4][2] = {{0x34B64B5C6F8B8AE5LL,18446744073709551615UL},{18446744073709551615UL,0x34B64B5C6F8B8AE5LL},{18446744073709551615UL,18446744073709551615UL},{0x34B64B5C6F8B8AE5LL,18446744073709551615UL}};
static uint8_t g_15 = 0UL;
static int8_t g_21 = (-7L);
static int32_t g_38 = 0x396D56A4L;
static int8_t g_60 = 1L;
static uint64_t g_63 = 1UL;
static uint8_t g_64 = 0x35L;
static int32_t g_77[4] = {0xDAEE1FA0L,0xDAEE1FA0L,0xDAEE1FA0L,0xDAEE1FA0L};
static int32_t * volatile g_76 = &g_77[0];
static volatile union U0 g_84 = {0x6CE7EF2AL};
static const int8_t g_87 = 0xF5L;
static const int8_t g_89 = 0x40L;
static uint16_t g_94 = 65535UL;
static int32_t g_98 = 0xDC054819L;
static int32_t *g_124 = &g_77[0];
static int32_t ** volatile g_123 = &g_124;
static union U2 g_142 = {0xE2DA10ACL};
static int64_t g_144 = 0L;
static const uint16_t g_171 = 65535UL;
static int16_t g_174 = 1L;
static volatile union U0 *g_180 = &g_84;
static union U1 g_181[4][2] = {{{18446744073709551615UL},{0x6C4CAD9DD266C56FLL}},{{0x6C4CAD9DD266C56FLL},{18446744073709551615UL}},{{0x6C4CAD9DD266C56FLL},{0x6C4CAD9DD266C56FLL}},{{18446744073709551615UL},{0x6C4CAD9DD266C56FLL}}};
static union U0 g_183[2] = {{0x2E783141L},{0x2E783141L}};
static union U0 ** const  volatile g_184 = (void*)0;
static union U0 ** volatile g_185 = (void*)0;
static union U0 *g_188 = &g_183[1];
static union U0 ** volatile g_187 = &g_188;
static const int32_t *g_191 = &g_77[0];
static const int32_t ** volatile g_190[1] = {&g_191};
static union U1 *g_243[1] = {&g_181[2][0]};
static union U1 ** volatile g_242 = &g_243[0];
static union U1 ** volatile * volatile g_241 = &g_242;
static volatile uint16_t *g_250 = (void*)0;
static volatile uint16_t * volatile * const  volatile g_249 = &g_250;
static union U2 ** volatile g_254[3] = {(void*)0,(void*)0,(void*)0};
static union U2 *g_256 = &g_142;
static union U2 ** volatile g_255 = &g_256;
static int64_t g_259[1][4] = {{(-1L),(-1L),(-1L),(-1L)}};
static uint64_t g_322 = 0x9E89216C94C7D9CDLL;
static volatile uint32_t g_356[3][3] = {{18446744073709551615UL,0UL,18446744073709551615UL},{0x7568DB45L,0x7568DB45L,0x7568DB45L},{18446744073709551615UL,0UL,18446744073709551615UL}};
static volatile int8_t g_380 = 6L;
static uint16_t g_386 = 65535UL;
static volatile uint64_t *g_489 = &g_7[1][0];
static volatile uint64_t **g_488 = &g_489;
static union U0 g_504[1] = {{0xF6CD55B5L}};
static int32_t ** volatile g_520 = (void*)0;
static int32_t ** volatile g_541 = &g_124;
static union U1 **g_547[3][3] = {{&g_243[0],&g_243[0],&g_243[0]},{&g_243[0],&g_243[0],&g_243[0]},{&g_243[0],&g_243[0],&g_243[0]}};
static union U1 ***g_546 = &g_547[2][0];
static volatile int64_t g_561 = 0xB8B2D224FE6C59F2LL;
static volatile int64_t * const  volatile g_560[3][1] = {{&g_561},{&g_561},{&g_561}};
static volatile int64_t * const  volatile *g_559 = &g_560[1][0];
static volatile int64_t * const  volatile ** volatile g_563[4] = {&g_559,&g_559,&g_559,&g_559};
static int32_t ** volatile g_599 = &g_124;
static volatile union U0 g_620 = {0x25C6C34BL};
static uint16_t g_639[4] = {0xCF81L,0xCF81L,0xCF81L,0xCF81L};
static uint32_t g_648 = 4294967290UL;
static int8_t g_666 = 0xD5L;
static int8_t *g_665 = &g_666;
static union U1 g_693 = {0x77CED24451D8E2A6LL};
static union U1 g_708 = {0x5873ED461D7C6551LL};
static uint64_t **g_724 = (void*)0;
static uint64_t ***g_723 = &g_724;
static int16_t g_734 = 0x8E98L;
static volatile union U1 g_773 = {7UL};
static union U0 g_785 = {0x0051136EL};
static volatile int32_t g_807[2] = {7L,7L};
static int32_t * volatile g_811 = &g_98;
static union U0 g_812 = {7L};
static int32_t * volatile g_828 = &g_77[0];
static int64_t g_834[4] = {(-1L),(-1L),(-1L),(-1L)};
static uint8_t **g_869 = (void*)0;
static uint8_t *** volatile g_870[3] = {&g_869,&g_869,&g_869};
static union U1 g_876[3][3] = {{{18446744073709551615UL},{18446744073709551615UL},{18446744073709551615UL}},{{0xCA13A193989DC074LL},{1UL},{0xCA13A193989DC074LL}},{{18446744073709551615UL},{18446744073709551615UL},{18446744073709551615UL}}};
static union U0  func_1(void);
static int8_t  func_5(int16_t  p_6);
static union U2  func_8(uint32_t  p_9, int64_t  p_10, uint16_t  p_11, int8_t  p_12);
static int16_t  func_24(int64_t  p_25, int8_t * p_26, int32_t  p_27, int32_t  p_28);
static int64_t  func_29(int8_t  p_30);
static int8_t  func_31(uint16_t  p_32, uint16_t  p_33);
static uint16_t  func_34(int32_t  p_35, int8_t * p_36);

static union U0  func_1(void)
{ 
    uint64_t l_4[3];
    uint8_t l_720 = 0UL;
    uint64_t ***l_726 = &g_724;
    int32_t l_727 = 0xC8084F96L;
    uint16_t l_741 = 0UL;
    int32_t l_744 = (-6L);
    int32_t l_745 = 0x05E0CB13L;
    int32_t l_746 = 0x589032B6L;
    union U2 *l_790[3];
    int16_t l_794 = 0L;
    int8_t l_800 = 0L;
    int32_t l_805 = 0x53B80B1BL;
    union U2 l_829 = {0x1C5A8024L};
    uint8_t l_858 = 6UL;
    uint8_t **l_871[1][3];
    union U1 * const **l_872 = (void*)0;
    union U1 * const l_875 = &g_876[1][0];
    union U1 * const *l_874 = &l_875;
    union U1 * const **l_873 = &l_874;
    int i, j;
    for (i = 0; i < 3; i++)
        l_4[i] = 0x872FA4AD744D0289LL;
    for (i = 0; i < 3; i++)
        l_790[i] = &g_142;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
            l_871[i][j] = (void*)0;
    }
    if (((1UL == (((safe_mul_func_uint16_t_u_u(l_4[0], (func_5((g_7[0][1] , (((func_8(((g_7[3][0] | (safe_mul_func_uint8_t_u_u(g_15, g_15))) , 0x41B44ADCL), g_15, l_4[0], l_4[1]) , l_4[2]) ^ 0x43D6DC3B8AC384EFLL) , g_60))) , g_84.f0))) <= l_4[1]) > (-7L))) > l_720))
    { 
        uint32_t l_721 = 0x2FAA2D35L;
        int32_t *l_722 = &g_38;
        uint64_t ****l_725 = &g_723;
        int16_t *l_733 = &g_734;
        int32_t *l_735 = &l_727;
        int32_t l_736 = 0x37508E9EL;
        int32_t l_737[2][1];
        int32_t *l_738 = &g_77[0];
        int32_t *l_739 = &l_727;
        int32_t *l_740[2][2];
        uint16_t l_747 = 0x50B0L;
        int i, j;
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 1; j++)
                l_737[i][j] = 0xD7396FE5L;
        }
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 2; j++)
                l_740[i][j] = &l_737[0][0];
        }
        (*l_722) |= (((***g_241) , l_721) <= g_322);
        (*l_722) = ((*l_722) >= ((l_727 = (((*l_725) = g_723) == l_726)) && (~(((safe_sub_func_int16_t_s_s(((*l_733) |= ((safe_mod_func_uint16_t_u_u((((((-1L) & 3L) , &g_254[1]) == (void*)0) > 0xEDECL), g_174)) | g_356[2][1])), 0xCD6EL)) & l_720) , g_21))));
        ++l_741;
        --l_747;
    }
    else
    { 
        uint64_t l_762 = 0xC6CB872FA29A350ALL;
        int32_t l_769 = 0x3F745D2FL;
        int16_t l_797 = 0x1DA8L;
        int32_t l_799 = 0xE7AD2213L;
        int32_t l_802 = 8L;
        int32_t l_803 = 0xF0630614L;
        int32_t l_804 = (-1L);
        int32_t l_806[2][3] = {{0x88B909BBL,0x88B909BBL,0x34290FE0L},{0x88B909BBL,0x88B909BBL,0x34290FE0L}};
        uint32_t *l_824[2];
        uint8_t l_825 = 3UL;
        uint8_t *l_826 = (void*)0;
        uint8_t *l_827 = &g_15;
        int64_t *l_841 = &g_144;
        int64_t **l_840 = &l_841;
        int64_t ***l_839 = &l_840;
        union U0 **l_868[2][1];
        int i, j;
        for (i = 0; i < 2; i++)
            l_824[i] = (void*)0;
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 1; j++)
                l_868[i][j] = &g_188;
        }
lbl_813:
        for (g_63 = 5; (g_63 < 13); g_63++)
        { 
            uint32_t *l_767 = &g_648;
            int16_t *l_768[2][2] = {{&g_174,&g_174},{&g_174,&g_174}};
            int32_t l_770 = 0x9F7A7527L;
            const union U2 *l_776 = (void*)0;
            int32_t l_795 = 0x51D2DD17L;
            int32_t l_796 = 0x37B16FBCL;
            int32_t l_798 = 1L;
            int32_t l_801[3];
            int i, j;
            for (i = 0; i < 3; i++)
                l_801[i] = 0xB8624E9AL;
            if ((safe_mod_func_int32_t_s_s(((safe_sub_func_int16_t_s_s((-9L), ((-9L) == (((safe_add_func_uint64_t_u_u((l_769 = ((safe_div_func_int8_t_s_s(((safe_mul_func_uint8_t_u_u(l_762, ((((g_734 |= (+((3UL && (safe_mul_func_int16_t_s_s((+(((*l_767) = g_181[3][0].f1) ^ (-1L))), 0x5229L))) < 5L))) , (*g_665)) == l_762) , g_639[1]))) & (-4L)), g_174)) >= l_762)), l_770)) || 0xF1L) < l_746)))) , 0x9FC6387FL), l_770)))
            { 
                int32_t *l_784 = &g_38;
                (*l_784) = (safe_rshift_func_uint8_t_u_s((l_770 = (g_773 , (safe_lshift_func_int16_t_s_s((l_776 == (void*)0), (g_174 = ((+(safe_div_func_int32_t_s_s((((safe_mod_func_uint32_t_u_u((safe_lshift_func_int8_t_s_s((&g_250 != (void*)0), 5)), l_769)) >= (**g_488)) != 255UL), l_769))) & (*g_191))))))), (*g_665)));
                return g_785;
            }
            else
            { 
                uint16_t l_786 = 1UL;
                int32_t **l_789 = &g_124;
                union U2 **l_791 = &l_790[1];
                int32_t *l_792 = &l_770;
                int32_t *l_793[4][4] = {{(void*)0,&l_744,&l_744,(void*)0},{&l_744,(void*)0,&l_744,&l_744},{(void*)0,(void*)0,&l_744,(void*)0},{(void*)0,&l_744,&l_744,(void*)0}};
                uint32_t l_808 = 4294967295UL;
                int i, j;
                (*l_789) = (((((l_762 || 0x84L) == ((l_786 && (l_786 <= (safe_sub_func_uint8_t_u_u(((&l_770 != (void*)0) < 9L), 0xFFL)))) , 0xE7303D86EC8EF7F8LL)) , l_769) & l_745) , (void*)0);
                l_776 = ((*l_791) = l_790[1]);
                ++l_808;
            }
            if (g_64)
                goto lbl_813;
            (*g_811) |= (1L && (-6L));
            return g_812;
        }
        (*g_828) = (((safe_sub_func_uint8_t_u_u(((*l_827) = ((~((safe_mul_func_int16_t_s_s((safe_rshift_func_uint16_t_u_u((((l_803 ^ (~(l_769 != (((l_745 = (((**g_255) , ((safe_div_func_int64_t_s_s((g_708.f0 >= ((l_741 | l_797) & 0x5172F94DFAC8A0B1LL)), 0xB669A90F6A65A4F0LL)) == g_98)) != g_144)) <= 0UL) > 0x0497E50DL)))) | l_805) < l_746), g_87)), l_825)) ^ g_98)) < l_741)), (*g_665))) & 0xF3L) > 0xC14BFAD1L);
        if ((l_829 , 0x21495CEDL))
        { 
            const int8_t l_842 = (-8L);
            int32_t l_843 = 0x3E9C80EFL;
            l_843 ^= (((++g_648) , ((g_834[1] &= (--g_648)) > ((safe_mod_func_int32_t_s_s(l_799, 0xE6A49FD1L)) == ((safe_sub_func_uint64_t_u_u((((void*)0 != l_839) ^ ((2L >= g_181[3][0].f0) == l_829.f0)), 1L)) & 0xB361L)))) ^ l_842);
        }
        else
        { 
            uint16_t l_847 = 0x6AE4L;
            union U0 **l_867 = &g_188;
            for (g_322 = 26; (g_322 == 44); g_322 = safe_add_func_uint32_t_u_u(g_322, 8))
            { 
                int32_t *l_846[4];
                int i;
                for (i = 0; i < 4; i++)
                    l_846[i] = (void*)0;
                ++l_847;
            }
            for (l_741 = 0; (l_741 <= 1); l_741 += 1)
            { 
                int i;
                return g_183[l_741];
            }
            if (l_847)
            { 
                const int8_t l_857 = 0x03L;
                const int32_t **l_859 = (void*)0;
                int32_t **l_860[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_860[i] = &g_124;
                (*g_541) = (((g_834[0] = (safe_sub_func_int32_t_s_s((((((*l_827) |= (safe_mul_func_int8_t_s_s(0xE8L, (((l_847 , (safe_rshift_func_uint8_t_u_s((l_847 , (+(0xB38577A0L & 4294967295UL))), (*g_665)))) > l_857) == l_847)))) , l_858) , 4294967295UL) ^ g_639[1]), 0x682D348CL))) && 0x8D340445F8CF4F97LL) , (void*)0);
                l_806[1][1] ^= ((l_720 > ((safe_mul_func_uint8_t_u_u(l_847, (--(*l_827)))) ^ (l_745 = ((((safe_rshift_func_uint8_t_u_u((l_847 & l_4[0]), l_744)) || l_847) , g_834[3]) & l_847)))) <= (*g_76));
            }
            else
            { 
                l_868[1][0] = l_867;
            }
        }
    }
    l_871[0][0] = g_869;
    (*g_811) = (l_872 == (l_873 = l_872));
    return (*g_188);
}
static int8_t  func_5(int16_t  p_6)
{ 
    int8_t l_717[4][4] = {{(-6L),1L,(-6L),1L},{(-6L),1L,(-6L),1L},{(-6L),1L,(-6L),1L},{(-6L),1L,(-6L),1L}};
    int16_t *l_718[2][3];
    int32_t *l_719[3][3] = {{(void*)0,(void*)0,(void*)0},{&g_38,&g_38,&g_38},{(void*)0,(void*)0,(void*)0}};
    int i, j;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 3; j++)
            l_718[i][j] = &g_174;
    }
    g_142.f0 ^= (250UL || ((g_708 , (((-1L) < (safe_div_func_int32_t_s_s((0x1034CE9CL >= (safe_rshift_func_int16_t_s_s((g_174 = (safe_mul_func_int16_t_s_s((((safe_mod_func_uint64_t_u_u(l_717[0][1], 0x2F02502A17E87573LL)) & 65535UL) >= 0L), (-10L)))), 11))), l_717[3][3]))) , 0xDA3DL)) == p_6));
    return (*g_665);
}
static union U2  func_8(uint32_t  p_9, int64_t  p_10, uint16_t  p_11, int8_t  p_12)
{ 
    int8_t *l_20 = &g_21;
    int32_t l_23 = 0xA88AF16DL;
    uint16_t *l_704 = &g_386;
    uint64_t *l_705[4][3] = {{&g_693.f1,&g_693.f1,&g_693.f1},{(void*)0,&g_181[3][0].f1,(void*)0},{&g_693.f1,&g_693.f1,&g_693.f1},{(void*)0,&g_181[3][0].f1,(void*)0}};
    int32_t **l_706 = &g_124;
    union U2 l_707 = {0x8CDEB88FL};
    int i, j;
    l_23 = ((safe_rshift_func_int8_t_s_u((safe_rshift_func_int8_t_s_s(((*l_20) = 1L), (((((+((l_23 <= func_24(func_29(func_31(func_34(p_12, (((p_10 = p_11) != l_23) , &p_12)), l_23)), g_665, p_11, g_666)) || 0xA8504BD5C5098B49LL)) , g_77[0]) , l_23) <= p_9) & l_23))), 0)) && l_23);
    (*l_706) = ((safe_sub_func_uint16_t_u_u((((l_23 = (!(((p_10 > ((l_23 >= ((g_89 != (safe_mod_func_int64_t_s_s((safe_unary_minus_func_uint16_t_u(((*l_704) = (safe_lshift_func_uint16_t_u_s(p_12, ((safe_div_func_uint64_t_u_u(p_12, (**g_488))) ^ p_12)))))), l_23))) | p_11)) | p_12)) || 0x23L) | p_12))) & (-1L)) != p_12), g_63)) , &l_23);
    return l_707;
}
static int16_t  func_24(int64_t  p_25, int8_t * p_26, int32_t  p_27, int32_t  p_28)
{ 
    uint8_t l_673 = 255UL;
    int32_t *l_678[3][3] = {{&g_77[0],&g_77[0],&g_77[0]},{&g_77[0],&g_77[0],&g_77[0]},{&g_77[0],&g_77[0],&g_77[0]}};
    union U2 l_687 = {0x829E378AL};
    union U2 **l_688 = &g_256;
    const union U1 *l_692[3];
    const union U1 **l_691 = &l_692[2];
    int i, j;
    for (i = 0; i < 3; i++)
        l_692[i] = &g_693;
    for (g_38 = 0; (g_38 <= 0); g_38 += 1)
    { 
        int32_t *l_669 = &g_98;
        int i;
        (*l_669) &= (safe_sub_func_int16_t_s_s(g_77[(g_38 + 1)], g_77[(g_38 + 1)]));
        for (g_63 = 0; (g_63 <= 0); g_63 += 1)
        { 
            (*l_669) &= 0xF959A93CL;
            for (g_648 = 0; (g_648 <= 0); g_648 += 1)
            { 
                int32_t *l_670 = (void*)0;
                int32_t *l_671 = &g_77[(g_38 + 1)];
                int32_t *l_672[1][1];
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 1; j++)
                        l_672[i][j] = &g_98;
                }
                --l_673;
                if ((**g_123))
                    continue;
                if ((*g_76))
                    continue;
            }
            for (g_60 = 0; (g_60 >= 0); g_60 -= 1)
            { 
                int32_t **l_676 = (void*)0;
                int32_t **l_677[4];
                int16_t *l_686 = &g_174;
                int i;
                for (i = 0; i < 4; i++)
                    l_677[i] = &l_669;
                l_678[1][2] = (void*)0;
                l_669 = ((safe_add_func_int8_t_s_s((*p_26), (((safe_lshift_func_uint16_t_u_s(((*g_124) & ((+((g_15 |= 0xD5L) == ((safe_lshift_func_int16_t_s_s((((*l_686) = 0xE77CL) | ((p_27 > 18446744073709551615UL) < (*g_124))), p_27)) == g_259[0][3]))) | g_171)), g_259[0][3])) , g_84.f0) < p_27))) , &g_77[(g_38 + 1)]);
            }
        }
    }
    (*l_688) = ((l_687 , g_94) , (*g_255));
    (*g_124) = ((0xDA752FC2L > (safe_mod_func_uint8_t_u_u(((*g_241) == l_691), ((*g_665) = ((0UL | p_27) , (*p_26)))))) >= g_144);
    return g_63;
}
static int64_t  func_29(int8_t  p_30)
{ 
    uint64_t l_431 = 4UL;
    int32_t l_432 = 5L;
    int32_t *l_450 = &g_38;
    uint8_t *l_460 = &g_64;
    uint32_t l_490 = 1UL;
    int32_t l_511 = 0xD8CD6D06L;
    int32_t l_512 = 0x909553FFL;
    int32_t l_513[1];
    uint16_t l_517 = 0x5EC1L;
    union U2 *l_528 = &g_142;
    union U0 *l_538 = (void*)0;
    union U1 ***l_550 = &g_547[2][0];
    int8_t *l_619 = (void*)0;
    int16_t l_631 = 0x7722L;
    int i;
    for (i = 0; i < 1; i++)
        l_513[i] = (-1L);
    return p_30;
}
static int8_t  func_31(uint16_t  p_32, uint16_t  p_33)
{ 
    uint32_t l_61 = 4294967286UL;
    int32_t *l_246 = &g_98;
    uint16_t *l_248 = &g_94;
    uint16_t **l_247 = &l_248;
    union U2 *l_253[4];
    int32_t l_257 = 0L;
    uint8_t l_279 = 0x5BL;
    int32_t l_285 = 0x185641E5L;
    union U1 *l_337 = &g_181[2][0];
    int8_t l_340[3];
    int32_t l_379 = 0x1FC371ACL;
    int32_t l_382[4][4] = {{0L,0L,0L,0L},{0L,0xF2BB943EL,0xF2BB943EL,0L},{0xF2BB943EL,0L,0xF2BB943EL,0xF2BB943EL},{0L,0L,0L,0L}};
    union U0 *l_405 = &g_183[1];
    uint32_t l_410[4];
    uint8_t l_417 = 2UL;
    uint8_t *l_418 = &g_15;
    int8_t *l_419 = &g_60;
    uint64_t *l_422 = &g_322;
    int32_t *l_424 = &g_77[0];
    int32_t *l_425[4];
    uint64_t l_426 = 0xB63F0CFF1CAF18A5LL;
    int i, j;
    for (i = 0; i < 4; i++)
        l_253[i] = &g_142;
    for (i = 0; i < 3; i++)
        l_340[i] = 0x26L;
    for (i = 0; i < 4; i++)
        l_410[i] = 0x54735E3EL;
    for (i = 0; i < 4; i++)
        l_425[i] = (void*)0;
    for (p_32 = 0; (p_32 == 26); p_32 = safe_add_func_int32_t_s_s(p_32, 1))
    { 
        int8_t *l_51 = (void*)0;
        int32_t *l_58 = &g_38;
        int32_t **l_252 = &l_246;
        int32_t ***l_251 = &l_252;
        int8_t l_267[3];
        const union U0 * const l_268 = (void*)0;
        int32_t l_355 = 0xACED059BL;
        union U1 **l_366 = &l_337;
        uint64_t *l_370 = (void*)0;
        int32_t l_385 = (-1L);
        int i;
        for (i = 0; i < 3; i++)
            l_267[i] = 0x5DL;
        for (g_15 = (-16); (g_15 >= 46); g_15++)
        { 
            int8_t *l_59 = &g_60;
            uint64_t *l_62 = &g_63;
            int32_t **l_245 = (void*)0;
        }
        if (((*g_124) |= ((((*l_246) || ((l_247 != g_249) >= (((((*l_251) = &l_246) == &l_246) || 0x1E1FFC80L) , 3UL))) & p_33) || 1UL)))
        { 
            int64_t l_258 = 0xB8AB036926210D50LL;
            int32_t l_280 = (-1L);
            if ((*g_191))
            { 
                (*g_255) = l_253[1];
            }
            else
            { 
                l_257 ^= (*l_246);
                return p_32;
            }
            if (l_258)
            { 
                return g_259[0][3];
            }
            else
            { 
                uint32_t l_262 = 0x09790A85L;
                int32_t l_269 = 0x34E232B6L;
                (*l_58) = l_258;
                l_269 |= ((**g_242) , ((safe_rshift_func_int8_t_s_u((l_262 <= ((safe_sub_func_int8_t_s_s((((safe_mod_func_int64_t_s_s(((*l_246) = ((((((((*l_58) < (l_267[1] > (**l_252))) , (*g_188)) , l_268) == (void*)0) && p_32) != (***l_251)) == (-5L))), g_94)) , l_262) <= p_32), g_77[0])) < 0xBCF2L)), p_32)) , (*l_246)));
                (*l_246) = (*l_246);
                if (l_258)
                    continue;
            }
            (*g_124) |= (safe_mod_func_int16_t_s_s((&g_63 == &g_63), (((+g_15) == (safe_rshift_func_int8_t_s_u(((safe_add_func_int16_t_s_s(p_33, (safe_rshift_func_int8_t_s_s(((l_279 , (*l_246)) , 0xC3L), 5)))) || l_280), 5))) || 0x6421L)));
            (**l_252) ^= ((void*)0 == &l_267[1]);
        }
        else
        { 
            uint64_t *l_286[4];
            int32_t l_292 = (-8L);
            int32_t **l_343 = &l_246;
            int32_t *l_353 = &g_98;
            int32_t *l_354[1][2];
            int i, j;
            for (i = 0; i < 4; i++)
                l_286[i] = &g_181[3][0].f1;
            for (i = 0; i < 1; i++)
            {
                for (j = 0; j < 2; j++)
                    l_354[i][j] = &g_38;
            }
            for (g_60 = 2; (g_60 >= 0); g_60 -= 1)
            { 
                int32_t *l_281 = &g_77[1];
                l_281 = &l_257;
                (**l_252) &= (safe_mul_func_int8_t_s_s(((~(p_32 & 0xB0L)) < (l_285 & (l_286[1] == &g_63))), p_32));
            }
            if ((p_33 , ((*l_246) = p_33)))
            { 
                const uint16_t l_289 = 1UL;
                int8_t *l_293 = &l_267[1];
                int8_t *l_294 = (void*)0;
                int8_t *l_295 = &g_60;
                int32_t l_296 = 0x0C0894DAL;
                uint8_t *l_297 = &l_279;
                uint8_t *l_298 = (void*)0;
                uint8_t *l_299 = &g_64;
                (**l_252) = (p_32 > ((*l_299) = ((*l_297) |= ((l_296 |= ((*l_295) = (l_292 = ((*l_293) ^= ((*g_256) , (safe_mod_func_uint64_t_u_u(l_289, (safe_mul_func_int8_t_s_s(((0x77L >= ((*g_123) == (**l_251))) <= l_292), g_77[0]))))))))) ^ g_144))));
                l_296 ^= p_32;
                l_292 = (safe_mul_func_uint8_t_u_u((safe_div_func_uint32_t_u_u(0x7802F311L, (safe_sub_func_uint64_t_u_u((safe_mul_func_uint8_t_u_u((safe_add_func_uint64_t_u_u(g_142.f0, (safe_rshift_func_uint8_t_u_u(((safe_div_func_uint64_t_u_u((safe_sub_func_int8_t_s_s((p_33 , ((((safe_rshift_func_uint16_t_u_u((safe_div_func_uint64_t_u_u(p_32, (safe_sub_func_int16_t_s_s((p_33 , p_33), l_296)))), l_296)) , p_32) || (*l_246)) <= l_289)), (*l_246))), g_63)) ^ g_322), p_32)))), 0xCFL)), p_33)))), 1L));
            }
            else
            { 
                uint32_t l_325 = 4294967295UL;
                union U1 *l_336[4][4];
                int i, j;
                for (i = 0; i < 4; i++)
                {
                    for (j = 0; j < 4; j++)
                        l_336[i][j] = &g_181[3][0];
                }
                (**l_251) = (*l_252);
                (*l_58) = (((safe_add_func_int8_t_s_s(l_325, (safe_div_func_uint16_t_u_u((safe_sub_func_int32_t_s_s((safe_rshift_func_int8_t_s_s(((safe_sub_func_uint32_t_u_u(4294967295UL, (safe_rshift_func_int16_t_s_u((l_336[2][1] != l_337), ((((*g_76) || l_325) != g_259[0][3]) ^ (-9L)))))) | 0x97B3EB1FB3CEA2D9LL), g_259[0][1])), g_63)), p_32)))) ^ 0xCF65L) ^ (***l_251));
                return p_33;
            }
            if ((safe_rshift_func_uint16_t_u_s(l_340[2], ((safe_add_func_int16_t_s_s(((l_343 == l_343) ^ ((**l_343) , ((safe_rshift_func_int8_t_s_u(((((safe_mod_func_uint32_t_u_u((safe_mul_func_uint16_t_u_u((0x75L <= (***l_251)), p_33)), (*g_76))) ^ 0x2BD4F3053B90D2EDLL) || p_33) || p_32), 4)) & g_181[3][0].f1))), g_64)) & (*l_246)))))
            { 
                union U1 **l_350 = (void*)0;
                union U1 **l_351 = &l_337;
                (*l_351) = (**g_241);
            }
            else
            { 
                uint32_t l_352 = 0xA6A001F2L;
                (*g_124) ^= l_352;
            }
            ++g_356[2][1];
        }
        if ((g_98 || (safe_rshift_func_int8_t_s_s((safe_sub_func_uint8_t_u_u((g_181[3][0].f1 != p_33), (***l_251))), 4))))
        { 
            union U1 **l_364 = (void*)0;
            union U1 ***l_363 = &l_364;
            union U1 ****l_365 = &l_363;
            (**l_252) ^= ((((*l_365) = l_363) == &g_242) & 0x0E20L);
        }
        else
        { 
            union U1 ***l_367 = &l_366;
            union U1 **l_369 = &l_337;
            union U1 ***l_368 = &l_369;
            int32_t l_378 = 0x6F25B05DL;
            int32_t l_381 = 0x7AFA5229L;
            int32_t l_383 = 0x551144C9L;
            int32_t l_384 = 0x2B92E42CL;
            if ((((((*l_367) = l_366) != ((*l_368) = &g_243[0])) , l_370) == l_370))
            { 
                return (*l_246);
            }
            else
            { 
                int32_t *l_371 = &g_77[1];
                int32_t *l_372 = &l_355;
                int32_t *l_373 = &g_77[1];
                int32_t *l_374 = &g_77[0];
                int32_t *l_375 = &g_98;
                int32_t *l_376 = &l_257;
                int32_t *l_377[4][3] = {{&l_355,(void*)0,(void*)0},{&l_257,&g_98,&g_98},{&l_355,(void*)0,(void*)0},{&l_257,&g_98,&g_98}};
                uint8_t *l_395[3][1];
                int i, j;
                for (i = 0; i < 3; i++)
                {
                    for (j = 0; j < 1; j++)
                        l_395[i][j] = &g_64;
                }
                ++g_386;
                (*l_373) = (safe_sub_func_uint16_t_u_u(((safe_div_func_int16_t_s_s(g_77[2], p_33)) ^ ((0UL | (safe_rshift_func_int8_t_s_u(0x48L, ((*l_375) = 0x74L)))) || 0L)), 0UL));
            }
            for (g_38 = 1; (g_38 >= 0); g_38 -= 1)
            { 
                uint64_t **l_408 = (void*)0;
                uint64_t ***l_407 = &l_408;
                int32_t *l_409[2];
                int i;
                for (i = 0; i < 2; i++)
                    l_409[i] = (void*)0;
                (*l_407) = (((~(safe_mod_func_int16_t_s_s((*l_246), (-3L)))) < ((safe_sub_func_int32_t_s_s(((safe_rshift_func_uint16_t_u_u((safe_sub_func_int16_t_s_s((&g_183[g_38] == l_405), (~p_32))), 14)) | p_32), l_378)) != (*g_76))) , (void*)0);
                if (g_183[g_38].f0)
                    break;
                ++l_410[2];
            }
        }
    }
    (*g_124) &= (((void*)0 != &l_246) == ((*l_337) , ((*l_419) = ((0xFAL == (((*l_418) ^= ((safe_sub_func_int32_t_s_s((((safe_div_func_uint16_t_u_u(p_32, p_33)) == p_33) && (*l_246)), l_417)) >= p_33)) == 1UL)) <= p_33))));
    (*g_124) = ((((*l_422) ^= (safe_mod_func_uint32_t_u_u((*l_246), p_33))) , (*l_405)) , (+p_32));
    l_426--;
    return g_77[0];
}
static uint16_t  func_34(int32_t  p_35, int8_t * p_36)
{ 
    int32_t *l_37[3];
    uint16_t l_39 = 1UL;
    int i;
    for (i = 0; i < 3; i++)
        l_37[i] = &g_38;
    l_39++;
    return p_35;
}

int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_7[i][j], "g_7[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_15, "g_15", print_hash_value);
    transparent_crc(g_21, "g_21", print_hash_value);
    transparent_crc(g_38, "g_38", print_hash_value);
    transparent_crc(g_60, "g_60", print_hash_value);
    transparent_crc(g_63, "g_63", print_hash_value);
    transparent_crc(g_64, "g_64", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_77[i], "g_77[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_84.f0, "g_84.f0", print_hash_value);
    transparent_crc(g_87, "g_87", print_hash_value);
    transparent_crc(g_89, "g_89", print_hash_value);
    transparent_crc(g_94, "g_94", print_hash_value);
    transparent_crc(g_98, "g_98", print_hash_value);
    transparent_crc(g_142.f0, "g_142.f0", print_hash_value);
    transparent_crc(g_144, "g_144", print_hash_value);
    transparent_crc(g_171, "g_171", print_hash_value);
    transparent_crc(g_174, "g_174", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_181[i][j].f0, "g_181[i][j].f0", print_hash_value);
            transparent_crc(g_181[i][j].f1, "g_181[i][j].f1", print_hash_value);
            transparent_crc(g_181[i][j].f2, "g_181[i][j].f2", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_183[i].f0, "g_183[i].f0", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_259[i][j], "g_259[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_322, "g_322", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_356[i][j], "g_356[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    transparent_crc(g_380, "g_380", print_hash_value);
    transparent_crc(g_386, "g_386", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_504[i].f0, "g_504[i].f0", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_561, "g_561", print_hash_value);
    transparent_crc(g_620.f0, "g_620.f0", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_639[i], "g_639[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_648, "g_648", print_hash_value);
    transparent_crc(g_666, "g_666", print_hash_value);
    transparent_crc(g_693.f0, "g_693.f0", print_hash_value);
    transparent_crc(g_693.f1, "g_693.f1", print_hash_value);
    transparent_crc(g_693.f2, "g_693.f2", print_hash_value);
    transparent_crc(g_708.f0, "g_708.f0", print_hash_value);
    transparent_crc(g_708.f1, "g_708.f1", print_hash_value);
    transparent_crc(g_708.f2, "g_708.f2", print_hash_value);
    transparent_crc(g_734, "g_734", print_hash_value);
    transparent_crc(g_773.f0, "g_773.f0", print_hash_value);
    transparent_crc(g_773.f1, "g_773.f1", print_hash_value);
    transparent_crc(g_773.f2, "g_773.f2", print_hash_value);
    transparent_crc(g_785.f0, "g_785.f0", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_807[i], "g_807[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    transparent_crc(g_812.f0, "g_812.f0", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_834[i], "g_834[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);
    }
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_876[i][j].f0, "g_876[i][j].f0", print_hash_value);
            transparent_crc(g_876[i][j].f1, "g_876[i][j].f1", print_hash_value);
            transparent_crc(g_876[i][j].f2, "g_876[i][j].f2", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);
        }
    }
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}
