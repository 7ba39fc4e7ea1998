/* Calls every function of the every-type interface through the generated C
 * bindings and reports what came back, one `name=value` per call. */
#include "user.h"

typedef dissolve_every_types_point_t point_t;

static char out[512];
static size_t used;

static void put_n(const uint8_t *s, size_t n) { for (size_t i = 0; i < n && used < sizeof out; i++) out[used++] = (char)s[i]; }
static void put(const char *s) { while (*s && used < sizeof out) out[used++] = *s++; }
static void put_str(user_string_t *s) { put_n(s->ptr, s->len); }
static void put_i(int64_t v) {
  char buf[24];
  int n = 0;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do { buf[n++] = (char)('0' + u % 10); u /= 10; } while (u);
  if (v < 0) put("-");
  while (n) { char c[2] = {buf[--n], 0}; put(c); }
}
static void label(const char *name) { put(used ? " " : ""); put(name); put("="); }

static point_t point(int32_t x, int32_t y, const char *name) {
  point_t p = {x, y, {0, 0}};
  user_string_set(&p.label, name);
  return p;
}

void exports_user_run(user_string_t *ret) {
  used = 0;
  label("scalars");
  put_i(dissolve_every_api_scalars(true, -2, 200, -300, 60000, -70000, 4000000000u, -5000000000ll,
                                   9000000000ull, 1.25f, 2.5, 0x1F600));
  user_string_t s, echoed;
  user_string_set(&s, "hello");
  dissolve_every_api_echo(&s, &echoed);
  label("echo");
  put_str(&echoed);

  uint32_t nums[] = {1, 2, 3, 40};
  user_list_u32_t xs = {nums, 4};
  label("sum");
  put_i((int64_t)dissolve_every_api_sum(&xs));

  user_string_t words[3];
  user_string_set(&words[0], "a");
  user_string_set(&words[1], "bb");
  user_string_set(&words[2], "ccc");
  user_list_string_t list = {words, 3}, reversed;
  dissolve_every_api_reverse(&list, &reversed);
  label("reverse");
  for (size_t i = 0; i < reversed.len; i++) { put(i ? "," : ""); put_str(&reversed.ptr[i]); }
  user_list_string_free(&reversed); /* the list and each string it owns */

  point_t p = point(10, 20, "p"), moved;
  dissolve_every_api_shift(&p, 5, &moved);
  label("shift");
  put_i(moved.x); put(","); put_i(moved.y); put(","); put_str(&moved.label);

  dissolve_every_types_shape_t shapes[4];
  shapes[0].tag = DISSOLVE_EVERY_TYPES_SHAPE_CIRCLE; shapes[0].val.circle = 2.0f;
  shapes[1].tag = DISSOLVE_EVERY_TYPES_SHAPE_RECT; shapes[1].val.rect = point(-3, 7, "r");
  shapes[2].tag = DISSOLVE_EVERY_TYPES_SHAPE_TAGGED; shapes[2].val.tagged.f0 = 9; shapes[2].val.tagged.f1 = -10000000000ll;
  shapes[3].tag = DISSOLVE_EVERY_TYPES_SHAPE_EMPTY;
  label("area");
  for (int i = 0; i < 4; i++) { put(i ? "," : ""); put_i((int64_t)(dissolve_every_api_area(&shapes[i]) * 10)); }

  label("color");
  put_i(dissolve_every_api_next_color(DISSOLVE_EVERY_TYPES_COLOR_BLUE));
  put(",");
  put_i(dissolve_every_api_next_color(DISSOLVE_EVERY_TYPES_COLOR_RED));
  label("toggle");
  put_i(dissolve_every_api_toggle(DISSOLVE_EVERY_TYPES_PERMS_READ | DISSOLVE_EVERY_TYPES_PERMS_EXEC,
                                  DISSOLVE_EVERY_TYPES_PERMS_READ | DISSOLVE_EVERY_TYPES_PERMS_WRITE));

  point_t pts[3] = {point(1, 2, "x"), point(3, 4, "y"), point(5, 6, "z")};
  user_list_point_t plist = {pts, 3};
  user_string_t want;
  point_t found;
  label("find");
  user_string_set(&want, "y");
  if (dissolve_every_api_find(&plist, &want, &found)) { put_i(found.x); put(","); put_i(found.y); put(","); put_str(&found.label); }
  user_string_set(&want, "w");
  put(dissolve_every_api_find(&plist, &want, &found) ? ";some" : ";none");

  int32_t q;
  user_string_t why;
  label("divide");
  if (dissolve_every_api_divide(-17, 5, &q, &why)) put_i(q);
  put(";");
  if (!dissolve_every_api_divide(1, 0, &q, &why)) put_str(&why);

  user_tuple2_u8_string_t pair = {41, {0, 0}};
  user_string_set(&pair.f1, "tuple");
  user_tuple2_string_u8_t swapped;
  dissolve_every_api_swap(&pair, &swapped);
  label("swap");
  put_str(&swapped.f0); put(","); put_i(swapped.f1);

  point_t m[6];
  for (int i = 0; i < 6; i++) m[i] = point(i, 10 * i, "m");
  label("many");
  put_i(dissolve_every_api_many(&m[0], &m[1], &m[2], &m[3], &m[4], &m[5]));

  user_option_f32_t some = {true, 3.75f}, none = {false, 0};
  dissolve_every_types_id_t id;
  label("maybe");
  if (dissolve_every_api_maybe(&some, &id)) put_i(id);
  put(dissolve_every_api_maybe(&none, &id) ? ";some" : ";none");

  dissolve_every_types_own_counter_t c1 = dissolve_every_types_constructor_counter(5);
  dissolve_every_types_method_counter_add(dissolve_every_types_borrow_counter(c1), 3);
  dissolve_every_types_own_counter_t c2 = dissolve_every_api_make_counter(10);
  dissolve_every_types_own_counter_t c3 = dissolve_every_types_static_counter_merge(
      dissolve_every_types_borrow_counter(c1), dissolve_every_types_borrow_counter(c2));
  label("counter");
  put_i(dissolve_every_types_method_counter_get(dissolve_every_types_borrow_counter(c1)));
  put(",");
  put_i(dissolve_every_api_read_count(dissolve_every_types_borrow_counter(c3)));
  dissolve_every_types_counter_drop_own(c1);
  dissolve_every_types_counter_drop_own(c2);
  put(",");
  put_i(dissolve_every_types_method_counter_get(dissolve_every_types_borrow_counter(c3)));
  dissolve_every_types_counter_drop_own(c3);

  dissolve_every_types_color_t bad;
  label("check");
  put(dissolve_every_api_check(true, &bad) ? "ok" : "err");
  if (!dissolve_every_api_check(false, &bad)) { put(";err "); put_i(bad); }

  ret->ptr = user_alloc(used, 1);
  for (size_t i = 0; i < used; i++) ret->ptr[i] = (uint8_t)out[i];
  ret->len = used;
}
