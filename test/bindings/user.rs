//! Calls every function of the every-type interface through the generated
//! Rust bindings and reports what came back, as `user.c` does.
#![no_std]

include!(concat!(env!("DISSOLVE_BINDINGS"), "/user.rs"));

use alloc::string::String;
use alloc::vec::Vec;
use dissolve::every::api;
use dissolve::every::types::{Color, Counter, Perms, Point, Shape};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

struct Out(String);

impl Out {
    fn label(&mut self, name: &str) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(name);
        self.0.push('=');
    }
    fn int(&mut self, v: i64) {
        let mut digits = [0u8; 20];
        let mut n = 0;
        let mut u = v.unsigned_abs();
        loop {
            digits[n] = b'0' + (u % 10) as u8;
            n += 1;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        if v < 0 {
            self.0.push('-');
        }
        while n > 0 {
            n -= 1;
            self.0.push(digits[n] as char);
        }
    }
    fn put(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

fn point(x: i32, y: i32, label: &str) -> Point {
    Point { x, y, label: String::from(label) }
}

struct Component;

impl Guest for Component {
    fn run() -> String {
        let mut o = Out(String::with_capacity(320));
        o.label("scalars");
        o.int(api::scalars(true, -2, 200, -300, 60000, -70000, 4000000000, -5000000000, 9000000000, 1.25, 2.5, '\u{1F600}'));
        o.label("echo");
        o.put(&api::echo("hello"));
        o.label("sum");
        o.int(api::sum(&[1, 2, 3, 40]) as i64);
        o.label("reverse");
        let words = [String::from("a"), String::from("bb"), String::from("ccc")];
        o.put(&api::reverse(&words).join(","));
        let moved = api::shift(&point(10, 20, "p"), 5);
        o.label("shift");
        o.int(moved.x as i64);
        o.put(",");
        o.int(moved.y as i64);
        o.put(",");
        o.put(&moved.label);
        o.label("area");
        let shapes = [Shape::Circle(2.0), Shape::Rect(point(-3, 7, "r")), Shape::Tagged((9, -10000000000)), Shape::Empty];
        for (i, s) in shapes.iter().enumerate() {
            if i > 0 {
                o.put(",");
            }
            o.int((api::area(s) * 10.0) as i64);
        }
        o.label("color");
        o.int(api::next_color(Color::Blue) as i64);
        o.put(",");
        o.int(api::next_color(Color::Red) as i64);
        o.label("toggle");
        o.int(api::toggle(Perms::READ | Perms::EXEC, Perms::READ | Perms::WRITE).0 as i64);
        let pts: Vec<Point> = [point(1, 2, "x"), point(3, 4, "y"), point(5, 6, "z")].into_iter().collect();
        o.label("find");
        if let Some(p) = api::find(&pts, "y") {
            o.int(p.x as i64);
            o.put(",");
            o.int(p.y as i64);
            o.put(",");
            o.put(&p.label);
        }
        o.put(if api::find(&pts, "w").is_some() { ";some" } else { ";none" });
        o.label("divide");
        if let Ok(q) = api::divide(-17, 5) {
            o.int(q as i64);
        }
        o.put(";");
        if let Err(why) = api::divide(1, 0) {
            o.put(&why);
        }
        let swapped = api::swap(&(41, String::from("tuple")));
        o.label("swap");
        o.put(&swapped.0);
        o.put(",");
        o.int(swapped.1 as i64);
        let m: Vec<Point> = (0..6).map(|i| point(i, 10 * i, "m")).collect();
        o.label("many");
        o.int(api::many(&m[0], &m[1], &m[2], &m[3], &m[4], &m[5]) as i64);
        o.label("maybe");
        if let Some(id) = api::maybe(&Some(3.75)) {
            o.int(id as i64);
        }
        o.put(if api::maybe(&None).is_some() { ";some" } else { ";none" });
        let c1 = Counter::new(5);
        c1.add(3);
        let c2 = api::make_counter(10);
        let c3 = Counter::merge(&c1, &c2);
        o.label("counter");
        o.int(c1.get() as i64);
        o.put(",");
        o.int(api::read_count(&c3) as i64);
        drop(c1);
        drop(c2);
        o.put(",");
        o.int(c3.get() as i64);
        drop(c3);
        o.label("check");
        o.put(if api::check(true).is_ok() { "ok" } else { "err" });
        if let Err(c) = api::check(false) {
            o.put(";err ");
            o.int(c as i64);
        }
        o.0
    }
}

export!(Component);
