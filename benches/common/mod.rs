//! Synthetic notices for the benchmarks (no real data).
#![allow(dead_code)]

/// A deterministic pseudo-random sequence (no dependency on rand).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

pub fn id(r: &mut Lcg) -> String {
    let body = format!(
        "360730{}{:02}{:02}{:03}",
        1940 + r.next(70),
        1 + r.next(12),
        1 + r.next(28),
        r.next(1000)
    );
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(w).map(|(d, w)| u32::from(d - b'0') * w).sum();
    format!("{body}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

pub fn mobile(r: &mut Lcg) -> String {
    format!("1{}{:09}", ["38", "39", "58", "86", "92"][r.next(5) as usize], r.next(1_000_000_000))
}

/// One table row of a 低保 notice, about 130 bytes.
pub fn row(r: &mut Lcg, n: usize) -> String {
    format!(
        "{n}\t张某某\t{}\t{}\t{}人\t{}.00元\n",
        id(r),
        mobile(r),
        1 + r.next(5),
        300 + r.next(900)
    )
}

pub const PROSE: &str = "根据《社会救助暂行办法》和《江西省最低生活保障办法》规定，经本人申请、村（居）民委员会民主评议、\
乡镇人民政府审核，县民政局审批，现将拟纳入低保对象名单予以公示。公示期间，如有异议，请向乡镇人民政府或县民政局反映。\n";

/// A notice of about `bytes` bytes: prose paragraphs and table rows, half and half.
pub fn notice(bytes: usize) -> String {
    let mut r = Lcg(7);
    let mut text = String::from("关于2026年第三季度城乡最低生活保障对象的公示\n");
    let mut n = 1;
    while text.len() < bytes {
        if n % 2 == 0 {
            text.push_str(PROSE);
        }
        text.push_str(&row(&mut r, n));
        n += 1;
    }
    text.push_str("监督电话：0797-8225678，政务服务便民热线：12345\n");
    text
}
