/* Every WIT type kind, implemented against the generated C bindings. */
#include "provider.h"

typedef exports_dissolve_every_types_point_t point_t;

static void copy_string(provider_string_t *dst, const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
  dst->ptr = provider_alloc(an + bn, 1);
  for (size_t i = 0; i < an; i++) dst->ptr[i] = a[i];
  for (size_t i = 0; i < bn; i++) dst->ptr[an + i] = b[i];
  dst->len = an + bn;
}

int64_t exports_dissolve_every_api_scalars(bool a, int8_t b, uint8_t c, int16_t d, uint16_t e, int32_t f,
                                           uint32_t g, int64_t h, uint64_t i, float j, double k, uint32_t l) {
  return (a ? 1 : 0) + b + c + d + e + f + (int64_t)g + h + (int64_t)i + (int64_t)(j * 4) + (int64_t)(k * 8) +
         (int64_t)l;
}

void exports_dissolve_every_api_echo(provider_string_t *s, provider_string_t *ret) {
  copy_string(ret, (const uint8_t *)"echo:", 5, s->ptr, s->len);
}

uint64_t exports_dissolve_every_api_sum(provider_list_u32_t *xs) {
  uint64_t total = 0;
  for (size_t i = 0; i < xs->len; i++) total += xs->ptr[i];
  return total;
}

void exports_dissolve_every_api_reverse(provider_list_string_t *xs, provider_list_string_t *ret) {
  ret->ptr = provider_alloc(xs->len * sizeof(provider_string_t), 4);
  ret->len = xs->len;
  for (size_t i = 0; i < xs->len; i++) {
    provider_string_t *from = &xs->ptr[xs->len - 1 - i];
    copy_string(&ret->ptr[i], from->ptr, from->len, (const uint8_t *)"!", 1);
  }
}

void exports_dissolve_every_api_shift(point_t *p, int32_t dx, point_t *ret) {
  ret->x = p->x + dx;
  ret->y = p->y;
  copy_string(&ret->label, p->label.ptr, p->label.len, 0, 0);
}

double exports_dissolve_every_api_area(exports_dissolve_every_types_shape_t *s) {
  switch (s->tag) {
    case EXPORTS_DISSOLVE_EVERY_TYPES_SHAPE_CIRCLE: return 3.0 * s->val.circle * s->val.circle;
    case EXPORTS_DISSOLVE_EVERY_TYPES_SHAPE_RECT: return (double)s->val.rect.x * s->val.rect.y;
    case EXPORTS_DISSOLVE_EVERY_TYPES_SHAPE_TAGGED: return (double)s->val.tagged.f0 + (double)s->val.tagged.f1;
    default: return -1;
  }
}

exports_dissolve_every_types_color_t exports_dissolve_every_api_next_color(exports_dissolve_every_types_color_t c) {
  return (c + 1) % 3;
}

exports_dissolve_every_types_perms_t exports_dissolve_every_api_toggle(exports_dissolve_every_types_perms_t p,
                                                                       exports_dissolve_every_types_perms_t f) {
  return p ^ f;
}

static bool same(provider_string_t *a, provider_string_t *b) {
  if (a->len != b->len) return false;
  for (size_t i = 0; i < a->len; i++) if (a->ptr[i] != b->ptr[i]) return false;
  return true;
}

bool exports_dissolve_every_api_find(provider_list_point_t *xs, provider_string_t *label, point_t *ret) {
  for (size_t i = 0; i < xs->len; i++) {
    if (same(&xs->ptr[i].label, label)) {
      ret->x = xs->ptr[i].x;
      ret->y = xs->ptr[i].y;
      copy_string(&ret->label, label->ptr, label->len, 0, 0);
      return true;
    }
  }
  return false;
}

bool exports_dissolve_every_api_divide(int32_t a, int32_t b, int32_t *ret, provider_string_t *err) {
  if (b == 0) {
    provider_string_dup(err, "divide by zero");
    return false;
  }
  *ret = a / b;
  return true;
}

void exports_dissolve_every_api_swap(provider_tuple2_u8_string_t *t, provider_tuple2_string_u8_t *ret) {
  copy_string(&ret->f0, t->f1.ptr, t->f1.len, 0, 0);
  ret->f1 = t->f0 + 1;
}

int32_t exports_dissolve_every_api_many(point_t *a, point_t *b, point_t *c, point_t *d, point_t *e, point_t *f) {
  return a->x + b->x + c->x + d->x + e->x + f->x + a->y + b->y + c->y + d->y + e->y + f->y;
}

bool exports_dissolve_every_api_maybe(provider_option_f32_t *x, exports_dissolve_every_types_id_t *ret) {
  if (!x->is_some) return false;
  *ret = (uint32_t)(x->val * 2);
  return true;
}

/* The counter resource: a fixed pool of representations. */
struct exports_dissolve_every_types_counter_t {
  uint32_t value;
  bool live;
};
static exports_dissolve_every_types_counter_t counters[8];
static uint32_t destroyed;

static exports_dissolve_every_types_own_counter_t make(uint32_t start) {
  for (int i = 0; i < 8; i++) {
    if (!counters[i].live) {
      counters[i].live = true;
      counters[i].value = start;
      return exports_dissolve_every_types_counter_new(&counters[i]);
    }
  }
  __builtin_trap();
}

exports_dissolve_every_types_own_counter_t exports_dissolve_every_types_constructor_counter(uint32_t start) {
  return make(start);
}

void exports_dissolve_every_types_method_counter_add(exports_dissolve_every_types_borrow_counter_t self, uint32_t n) {
  self->value += n;
}

uint32_t exports_dissolve_every_types_method_counter_get(exports_dissolve_every_types_borrow_counter_t self) {
  return self->value + destroyed * 1000;
}

exports_dissolve_every_types_own_counter_t exports_dissolve_every_types_static_counter_merge(
    exports_dissolve_every_types_borrow_counter_t a, exports_dissolve_every_types_borrow_counter_t b) {
  return make(a->value + b->value);
}

void exports_dissolve_every_types_counter_destructor(exports_dissolve_every_types_counter_t *rep) {
  rep->live = false;
  destroyed++;
}

uint32_t exports_dissolve_every_api_read_count(exports_dissolve_every_types_borrow_counter_t c) {
  return c->value;
}

exports_dissolve_every_types_own_counter_t exports_dissolve_every_api_make_counter(exports_dissolve_every_types_id_t start) {
  return make(start);
}

bool exports_dissolve_every_api_check(bool ok, exports_dissolve_every_types_color_t *err) {
  if (ok) return true;
  *err = EXPORTS_DISSOLVE_EVERY_TYPES_COLOR_BLUE;
  return false;
}
