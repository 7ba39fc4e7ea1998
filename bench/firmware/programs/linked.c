/* Linked structures: a binary search tree of 256 nodes from a static pool
 * (pointer chasing on insert and lookup), an in-order walk with an explicit
 * stack, and a singly linked list reversed in place. */
#include "../bench.h"

#define N 256

struct node {
  int32_t key;
  struct node *left, *right, *next;
};

static struct node pool[N];
/* The walk's explicit stack: static, as the bench gives each build a 1 KiB native stack. */
static struct node *stack[N];

static struct node *insert(struct node *root, struct node *n) {
  struct node **at = &root;
  while (*at) at = n->key < (*at)->key ? &(*at)->left : &(*at)->right;
  *at = n;
  return root;
}

static int contains(const struct node *t, int32_t key) {
  while (t) {
    if (key == t->key) return 1;
    t = key < t->key ? t->left : t->right;
  }
  return 0;
}

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 3;
  struct node *root = 0, *list = 0;
  for (int i = 0; i < N; i++) {
    struct node *n = &pool[i];
    n->key = (int32_t)(bench_next(&seed) >> 20);
    n->left = n->right = 0;
    n->next = list;
    list = n;
    root = insert(root, n);
  }
  uint32_t check = 0;
  for (int i = 0; i < 512; i++) check += (uint32_t)contains(root, (int32_t)(bench_next(&seed) >> 20));
  /* In-order walk with an explicit stack: the keys come out sorted. */
  int top = 0;
  int32_t last = -1;
  for (struct node *t = root; t || top > 0;) {
    if (t) {
      stack[top++] = t;
      t = t->left;
    } else {
      t = stack[--top];
      if (t->key < last) return 0;
      last = t->key;
      check = check * 31 + (uint32_t)t->key;
      t = t->right;
    }
  }
  /* Reverse the list in place, then fold it. */
  struct node *rev = 0;
  while (list) {
    struct node *next = list->next;
    list->next = rev;
    rev = list;
    list = next;
  }
  for (struct node *n = rev; n; n = n->next) check = check * 7 + (uint32_t)n->key;
  return check;
}
