//! Names of provinces and districts on pages: the English name on English pages where staff
//! typed one (`ten_en`), else the Vietnamese name, which templates then mark `lang="vi"` so that
//! screen readers read it as Vietnamese.

use super::locale::Locale;
use crate::model::Site;
use crate::model::division::PlaceName;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct PlaceView {
    pub name: String,
    /// Whether `name` is in the page's language: false when an English page shows the
    /// Vietnamese name for want of an English one.
    pub translated: bool,
}

impl PlaceView {
    pub fn new(l: &Locale, place: &PlaceName) -> Self {
        let name = l.name(&place.ten, place.ten_en.as_ref());
        Self {
            translated: name != place.ten,
            name: name.to_string(),
        }
    }

    /// The province or district the site's data names `name` (in Vietnamese), with the English
    /// name typed for it in any commune's file.
    pub fn named(l: &Locale, site: &Site, name: &str) -> Self {
        let typed = site.communes.iter().flat_map(|c| {
            let former = c.data.truoc_day.iter();
            [Some(&c.data.tinh), c.data.huyen.as_ref()]
                .into_iter()
                .chain(former.flat_map(|f| [f.tinh.as_ref(), f.huyen.as_ref()]))
                .flatten()
        });
        let english = typed
            .filter(|p| p.ten == name)
            .find_map(|p| p.ten_en.clone());
        Self::new(
            l,
            &PlaceName {
                ten: name.to_string(),
                ten_en: english,
            },
        )
    }
}
