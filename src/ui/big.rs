//! Large letters for a name to be read from across a room: 8x8 bitmap
//! glyphs (ASCII and Latin-1) drawn as 4 columns by 4 rows of quadrant
//! blocks each. Text with any other character has no large form.

use font8x8::legacy::{BASIC_LEGACY, LATIN_LEGACY};

/// Rows of a large line.
pub const ROWS: usize = 4;
/// Columns per character.
pub const COLUMNS: usize = 4;

/// Quadrant blocks by their filled corners: top-left 1, top-right 2,
/// bottom-left 4, bottom-right 8.
const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

fn glyph(c: char) -> Option<[u8; 8]> {
    let code = c as usize;
    match code {
        0x20..0x7f => Some(BASIC_LEGACY[code]),
        0xa0..=0xff => Some(LATIN_LEGACY[code - 0xa0]),
        _ => None,
    }
}

/// `text` in large letters, `ROWS` lines of `COLUMNS` per character; none
/// when a character has no large form or it is wider than `width`.
pub fn lines(text: &str, width: usize) -> Option<Vec<String>> {
    let glyphs: Vec<[u8; 8]> = text.chars().map(glyph).collect::<Option<_>>()?;
    if glyphs.is_empty() || glyphs.len() * COLUMNS > width {
        return None;
    }
    let on = |g: &[u8; 8], row: usize, column: usize| g[row] >> column & 1 == 1;
    let rows = (0..ROWS)
        .map(|row| {
            let line: String = glyphs
                .iter()
                .flat_map(|g| {
                    (0..COLUMNS).map(move |col| {
                        let (y, x) = (row * 2, col * 2);
                        let corners = usize::from(on(g, y, x))
                            | usize::from(on(g, y, x + 1)) << 1
                            | usize::from(on(g, y + 1, x)) << 2
                            | usize::from(on(g, y + 1, x + 1)) << 3;
                        QUADRANTS[corners]
                    })
                })
                .collect();
            line.trim_end().to_string()
        })
        .collect();
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_four_rows_of_blocks_four_columns_a_letter() {
        let big = lines("Ana", 80).expect("ASCII has a large form");
        assert_eq!(big.len(), ROWS);
        assert!(big.iter().all(|row| row.chars().count() <= 3 * COLUMNS));
        assert!(
            big.iter()
                .all(|row| row.chars().all(|c| QUADRANTS.contains(&c)))
        );
        // The A's apex: the top row has ink, and the letters differ.
        assert!(big[0].trim().chars().count() > 0);
        assert_ne!(lines("A", 80), lines("n", 80));
        // Latin-1 is drawn; beyond it, or too wide, there is no large form.
        assert!(lines("Zoë", 80).is_some());
        assert_eq!(lines("李", 80), None);
        assert_eq!(lines("Alexandra", 35), None, "36 columns needed");
        assert_eq!(lines("", 80), None);
    }

    #[test]
    fn the_letter_h_has_two_uprights_and_a_bar() {
        // font8x8's H: two uprights, the bar on its fourth pixel row.
        let h = lines("H", 80).unwrap();
        assert_eq!(h[0], "█ █");
        assert_eq!(h[1], "█▄█");
        assert_eq!(h[3], "▀ ▀");
    }
}
