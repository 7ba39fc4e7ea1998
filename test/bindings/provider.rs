//! Every WIT type kind, implemented in `no_std` Rust against the generated bindings.
#![no_std]

include!(concat!(env!("DISSOLVE_BINDINGS"), "/provider.rs"));

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use exports::dissolve::every::api::Guest as Api;
use exports::dissolve::every::types::{Color, Counter, CounterBorrow, GuestCounter, Perms, Point, Shape};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

struct Component;

static mut DESTROYED: u32 = 0;

struct MyCounter {
    value: Cell<u32>,
}

impl Drop for MyCounter {
    fn drop(&mut self) {
        unsafe { DESTROYED += 1 }
    }
}

impl GuestCounter for MyCounter {
    fn new(start: u32) -> Self {
        MyCounter { value: Cell::new(start) }
    }
    fn add(&self, n: u32) {
        self.value.set(self.value.get() + n);
    }
    fn get(&self) -> u32 {
        self.value.get() + unsafe { DESTROYED } * 1000
    }
    fn merge(a: CounterBorrow<'_>, b: CounterBorrow<'_>) -> Counter {
        let sum = a.get::<MyCounter>().value.get() + b.get::<MyCounter>().value.get();
        Counter::new(MyCounter::new(sum))
    }
}

impl exports::dissolve::every::types::Guest for Component {
    type Counter = MyCounter;
}

fn with_suffix(s: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(s.len() + suffix.len());
    out.push_str(s);
    out.push_str(suffix);
    out
}

impl Api for Component {
    fn scalars(a: bool, b: i8, c: u8, d: i16, e: u16, f: i32, g: u32, h: i64, i: u64, j: f32, k: f64, l: char) -> i64 {
        (a as i64) + b as i64 + c as i64 + d as i64 + e as i64 + f as i64 + g as i64 + h + i as i64
            + (j * 4.0) as i64 + (k * 8.0) as i64 + l as i64
    }
    fn echo(s: String) -> String {
        with_suffix("echo:", &s)
    }
    fn sum(xs: Vec<u32>) -> u64 {
        xs.iter().map(|&x| x as u64).sum()
    }
    fn reverse(xs: Vec<String>) -> Vec<String> {
        xs.iter().rev().map(|s| with_suffix(s, "!")).collect()
    }
    fn shift(p: Point, dx: i32) -> Point {
        Point { x: p.x + dx, y: p.y, label: p.label }
    }
    fn area(s: Shape) -> f64 {
        match s {
            Shape::Circle(r) => 3.0 * r as f64 * r as f64,
            Shape::Rect(p) => p.x as f64 * p.y as f64,
            Shape::Tagged((a, b)) => a as f64 + b as f64,
            Shape::Empty => -1.0,
        }
    }
    fn next_color(c: Color) -> Color {
        match c {
            Color::Red => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Red,
        }
    }
    fn toggle(p: Perms, f: Perms) -> Perms {
        p ^ f
    }
    fn find(xs: Vec<Point>, label: String) -> Option<Point> {
        xs.into_iter().find(|p| p.label == label)
    }
    fn divide(a: i32, b: i32) -> Result<i32, String> {
        if b == 0 { Err(String::from("divide by zero")) } else { Ok(a / b) }
    }
    fn swap(t: (u8, String)) -> (String, u8) {
        (t.1, t.0 + 1)
    }
    fn many(a: Point, b: Point, c: Point, d: Point, e: Point, f: Point) -> i32 {
        [a, b, c, d, e, f].iter().map(|p| p.x + p.y).sum()
    }
    fn maybe(x: Option<f32>) -> Option<u32> {
        x.map(|v| (v * 2.0) as u32)
    }
    fn read_count(c: CounterBorrow<'_>) -> u32 {
        c.get::<MyCounter>().value.get()
    }
    fn make_counter(start: u32) -> Counter {
        Counter::new(MyCounter::new(start))
    }
    fn check(ok: bool) -> Result<(), Color> {
        if ok { Ok(()) } else { Err(Color::Blue) }
    }
}

export!(Component);
