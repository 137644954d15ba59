//! The blank files and their notes in Welsh, for the Welsh submission pages. Plain Welsh,
//! in the register of the Welsh writers' guide; the YAML keys stay English, as the format
//! `check` reads, and the first note says so.

use super::template_words::Words;

pub(super) const WELSH: Words = Words {
    notes_are_private: "Mae nodiadau fel hwn ar eich cyfer chi. Ni chânt eu cyhoeddi byth, nid ydynt yn cyfrif fel geiriau, a gallwch eu dileu.",
    no_contact_details: "Peidiwch ag ysgrifennu rhif ffôn, cyfeiriad e-bost na chod post neb, nac enw go iawn nad yw rhywun wedi cytuno iddo.",
    draft_story: "Drafft yw’r stori hon oherwydd nad yw’r caniatâd wedi’i gofnodi eto. Pan fydd pawb y gellid eu hadnabod wedi cytuno, newidiwch recorded: false i recorded: true, ychwanegwch y dyddiad, a dilëwch y llinell draft: true.",
    story: [
        "Ysgrifennwch eich stori isod, yn eich geiriau eich hun, fel y byddech yn ei hadrodd wrth gydweithiwr. Anelwch at 400 i 700 o eiriau.",
        "Beth oedd y sefyllfa? Beth oedd yn poeni pobl, a beth oedd wedi cael ei roi ar brawf o’r blaen?",
        "Beth wnaethoch chi? Byddwch yn benodol: beth wnaethoch chi, pa mor aml, a pham.",
        "Beth newidiodd, i’r person, i’r teulu neu i’ch tîm?",
        "Beth ddysgoch chi? Beth fyddech chi’n ei ddweud wrth gydweithiwr sy’n wynebu’r un peth?",
    ],
    nomination_length: "Ysgrifennwch rhwng {min} a {max} o eiriau isod am eich cydweithiwr.",
    nomination: [
        "Dywedwch pwy ydyn nhw, beth wnaethon nhw, a pha wahaniaeth a wnaeth hynny. Mae un enghraifft go iawn yn werth mwy na rhestr o rinweddau.",
        "Os gofynnodd rhywun am fod yn ddienw, cyfeiriwch ato yn ôl ei rôl, er enghraifft fy rheolwr tîm.",
    ],
    intro: INTRO,
    story_fields: STORY_FIELDS,
    story_people: STORY_PEOPLE,
    nomination_fields: NOMINATION_FIELDS,
    one_of: "un o’r rhain:",
    optional_list: "dewisol: rhestr fel [supervision, advocacy] o’r rhain:",
    optional_one_of: "dewisol: un o’r rhain:",
};

const INTRO: &str = r#"# Llenwch bob llinell ar ôl y colon a’r bwlch. Cadwch y bylchau ar ddechrau’r
# llinellau sydd wedi’u mewnoli fel y maen nhw. Os oes colon (:) mewn gwerth, neu os yw’n
# dechrau â dyfynnod, rhowch y gwerth cyfan mewn dyfynodau dwbl: title: "Amser teulu: beth weithiodd"
# Cadwch enwau’r meysydd (title:, date: ac ati) yn Saesneg: dyna sut mae’r wefan yn eu darllen.
# Nodyn i chi yw testun ar ôl #, ac mae’n cael ei anwybyddu.
"#;

const STORY_FIELDS: &str = r#"title:            # teitl byr, 120 nod ar y mwyaf
date:             # dyddiad heddiw, fel 2026-03-02
summary:          # un neu ddwy frawddeg, 300 nod ar y mwyaf
council:          # y cyngor neu’r sefydliad y daw’r stori ohono
"#;

const STORY_PEOPLE: &str = r#"tags: []          # dewisol: geiriau allweddol eraill, fel [tadau, llys]
authors:
  - name:            # eich enw llawn (ni chaiff ei gyhoeddi os ydych yn ddienw)
    role:            # teitl eich swydd, a ddangosir gyda’r stori
    anonymous: false # true i gael eich dangos yn ôl eich rôl yn unig
consent:
  recorded: false    # true pan fydd pawb y gellid eu hadnabod wedi cytuno i’w chyhoeddi
  by:                # pwy a’i cofnododd, fel Rheolwr tîm (ni chaiff ei gyhoeddi)
  date:              # y dyddiad y cofnodwyd y caniatâd, fel 2026-03-02
draft: true          # dilëwch y llinell hon pan fydd y caniatâd wedi’i gofnodi
"#;

const NOMINATION_FIELDS: &str = r#"title:            # teitl byr, 120 nod ar y mwyaf
date:             # dyddiad heddiw, fel 2026-03-02
nominee:
  name:           # enw llawn eich cydweithiwr (ni chaiff ei gyhoeddi os yw’n ddienw)
  role:           # teitl swydd eich cydweithiwr, a ddangosir ar y wefan
  organisation:   # cyngor neu sefydliad eich cydweithiwr
  anonymous: false  # true os yw eich cydweithiwr am gael ei ddangos yn ôl ei rôl yn unig
nominator:
  name:           # eich enw llawn (ni chaiff ei gyhoeddi os ydych yn ddienw)
  role:           # teitl eich swydd
  organisation:   # eich cyngor neu eich sefydliad
  anonymous: false  # true os ydych am gael eich dangos yn ôl eich rôl yn unig
council:          # dewisol: y cyngor i’w restru oddi tano
"#;
