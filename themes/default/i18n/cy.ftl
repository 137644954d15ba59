# Rhyngwyneb y thema ddiofyn yn Gymraeg.
# The default theme's interface in Welsh. Plurals follow CLDR: zero (0), one (1), two (2),
# few (3), many (6) and other. After a number from 1 to 6 the noun stays singular, with the
# mutation the number causes; other numbers take "o" and the plural.
# Phrases a Welsh speaker at the council should check are listed in the README.

## Every page
skip-to-main = Neidio i’r prif gynnwys
header-search-label = Chwilio straeon
search-button = Chwilio
nav-label = Prif ddewislen
footer-heading = Dolenni cymorth
footer-submissions = Anfonwch stori neu enwebiad atom: <a href="mailto:{ $email }">{ $email }</a>
footer-published-by = Cyhoeddwyd gan { $organisation }. Rhoddodd y bobl yn y straeon hyn eu caniatâd; dangosir rhai yn ôl eu rôl yn unig, ar eu cais.
breadcrumb-label = Briwsion bara

## Counts: the number is shown beside the word, so only the word changes
count-stories = { $count ->
    [zero] o straeon
    [one] stori
    [two] stori
    [few] stori
    [many] stori
   *[other] o straeon
}
count-nominations = { $count ->
    [zero] o enwebiadau
    [one] enwebiad
    [two] enwebiad
    [few] enwebiad
    [many] enwebiad
   *[other] o enwebiadau
}
count-councils = { $count ->
    [zero] o gynghorau a phartneriaid
    [one] cyngor a phartner
    [two] gyngor a phartner
    [few] chyngor a phartner
    [many] chyngor a phartner
   *[other] o gynghorau a phartneriaid
}
count-items = { $count ->
    [zero] o eitemau
    [one] eitem
    [two] eitem
    [few] eitem
    [many] eitem
   *[other] o eitemau
}

## Home page
home-submit-heading = Rhannwch eich ymarfer
home-submit-text = Yn falch o ddarn o waith, neu o gydweithiwr? <a href="{ $story_url }">Rhannwch stori</a> neu <a href="{ $nomination_url }">enwebwch gydweithiwr</a>.
home-latest-stories = Y straeon ymarfer da diweddaraf
home-all-stories = Pob stori ymarfer da ({ $count })
home-no-stories = Nid oes unrhyw straeon wedi’u cyhoeddi eto.
home-nominations-heading = Fy Nghydweithiwr Gwych
home-nominations-intro = Mae cydweithwyr yn sôn wrthym am rywun sy’n haeddu cydnabyddiaeth am eu gwaith.
home-all-nominations = Pob enwebiad ({ $count })
home-no-nominations = Nid oes unrhyw enwebiadau wedi’u cyhoeddi eto.

## Listings, topics and pagination
listing-range = Yn dangos { $first } i { $last } o { $total }
nothing-published-here = Nid oes dim wedi’i gyhoeddi yma eto.
pagination-label = Tudalennu
pagination-previous = Blaenorol<span class="visually-hidden"> tudalen</span>
pagination-next = Nesaf<span class="visually-hidden"> tudalen</span>
pagination-page = Tudalen { $number }

## Page not found
not-found-heading = Heb ddod o hyd i’r dudalen
not-found-typed = Os ydych wedi teipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not-found-pasted = Os ydych wedi gludo’r cyfeiriad gwe, gwiriwch eich bod wedi copïo’r cyfeiriad cyfan.
not-found-next = Gallwch <a href="{ $search_url }">chwilio’r straeon</a> neu fynd i’r <a href="{ $home_url }">hafan</a>.

## A moved page
moved-heading = Mae’r dudalen hon wedi symud
moved-link = Ewch i “{ $title }”

## A story or nomination
entry-draft-banner = <strong>Rhagolwg drafft.</strong> Nid yw hwn wedi’i gyhoeddi.
entry-published = Cyhoeddwyd
entry-updated = Diweddarwyd
entry-council = Cyngor
entry-service = Gwasanaeth
voice-note-heading = Neges lais ({ $duration })
voice-note-download = Lawrlwytho’r neges lais
voice-note-transcript = Trawsgrifiad
entry-topics = Pynciau
entry-practice-areas = Meysydd ymarfer:
entry-tags = Tagiau:
entry-for-journalists = I newyddiadurwyr
entry-media-contact = Cyswllt â’r cyfryngau:
entry-image-credit = Cydnabyddiaeth y llun:
entry-plain-text = Testun plaen y stori hon, yn barod i’w gopïo
entry-more-for-journalists = Rhagor i newyddiadurwyr
entry-web-address = Cyfeiriad gwe:

## The press page
press-lead = Hanesion gweithwyr cymdeithasol eu hunain am ymarfer a wnaeth wahaniaeth, yn barod i’w hadrodd.
press-consent = Cytunodd pawb y gellir eu hadnabod yn y straeon hyn iddynt gael eu cyhoeddi. Dangosir rhai pobl yn ôl eu rôl yn unig, ar eu cais: peidiwch â cheisio eu hadnabod.
press-office = Swyddfa’r wasg
press-email = E-bost:
press-telephone = Ffôn:
press-latest-stories = Y straeon diweddaraf
press-media-contact = Cyswllt â’r cyfryngau
press-image-credit = Cydnabyddiaeth y llun
press-copy-ready = Testun yn barod i’w gopïo
press-plain-text-of = Testun plaen<span class="visually-hidden"> “{ $title }”</span>
press-all-stories = Pob stori
press-figures-heading = Ffeithiau a ffigurau
press-figures-text = Faint o straeon ac enwebiadau sydd wedi’u cyhoeddi, fesul blwyddyn, cyngor, gwasanaeth a maes ymarfer, gyda thaenlen i’w lawrlwytho: <a href="{ $stats_url }">ffeithiau a ffigurau</a>.
press-follow-heading = Dilyn straeon newydd
press-follow-text = Mae straeon newydd yn ymddangos yn y ffrydiau hyn cyn gynted ag y cânt eu cyhoeddi:
press-feed-of-stories = { $format }<span class="visually-hidden"> ffrwd o straeon</span>
press-feeds-page = Mae ffrydiau ar gyfer pob cyngor, gwasanaeth a maes ymarfer ar y <a href="{ $feeds_url }">dudalen ffrydiau</a>.

## Facts and figures
stats-lead = Wedi’u cyhoeddi hyd yma: { $stories } { $stories ->
    [zero] o straeon
    [one] stori
    [two] stori
    [few] stori
    [many] stori
   *[other] o straeon
} a { $nominations } { $nominations ->
    [zero] o enwebiadau
    [one] enwebiad
    [two] enwebiad
    [few] enwebiad
    [many] enwebiad
   *[other] o enwebiadau
}.
stats-only-published = Dim ond yr hyn sydd wedi’i gyhoeddi ar y wefan hon sy’n cael ei gyfrif: nid yw straeon sy’n aros am ddyddiad cyhoeddi na drafftiau anorffenedig yn cael eu cyfrif.
stats-download = Lawrlwytho’r ffigurau hyn fel taenlen (ffeil CSV)
stats-column-stories = Straeon
stats-column-nominations = Enwebiadau
stats-column-total = Cyfanswm
stats-nothing = Nid oes dim wedi’i gyhoeddi eto.

## Feeds
feeds-lead = Dilynwch straeon ac enwebiadau newydd mewn darllenydd ffrydiau: y cyfan, neu un cyngor, gwasanaeth neu faes ymarfer yn unig.
feeds-explained = Mae pob ffrwd yn cynnwys y { $limit } stori ac enwebiad diweddaraf, y mwyaf newydd yn gyntaf, gyda’u testun llawn. Copïwch gyfeiriad ffrwd i’ch darllenydd ffrydiau. Mae Atom ac RSS yn gweithio ym mron pob darllenydd; mae JSON Feed ar gyfer y darllenwyr a’r offer sy’n ei gefnogi.
feeds-link = { $format }<span class="visually-hidden"> ffrwd: { $name }</span>

## The search page (the words its script shows are still in the script)
search-label = Chwilio straeon ac enwebiadau
search-hint = Chwiliwch yn ôl pwnc, cyngor, gwasanaeth, maes ymarfer, neu enw cydweithiwr.
search-noscript = Mae angen JavaScript i chwilio, ac mae wedi’i ddiffodd neu nid yw ar gael yn eich porwr. Gallwch ddod o hyd i bopeth o hyd drwy bori: <a href="{ $base }stories/">straeon</a>, <a href="{ $base }nominations/">enwebiadau</a>, <a href="{ $base }councils/">cynghorau</a>, <a href="{ $base }services/">gwasanaethau</a>, <a href="{ $base }practice-areas/">meysydd ymarfer</a> a <a href="{ $base }years/">blynyddoedd</a>.
search-skip-to-results = Neidio i’r canlyniadau
search-filter-results = Hidlo’r canlyniadau
search-loading-filters = Wrthi’n llwytho’r hidlwyr…
search-clear-filters = Clirio’r hidlwyr
search-results = Canlyniadau
search-sort-by = Trefnu yn ôl
search-sort-relevance = Perthnasedd
search-sort-newest = Y mwyaf newydd yn gyntaf
search-show-more = Dangos rhagor o ganlyniadau

## Dates: a day of the month, its month and the year
date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Sites in more than one language: the switcher and entries not translated yet
# This language's name for itself, shown in the switcher on the other language's pages.
language-name = Cymraeg
language-switcher-label = Iaith
# Under an entry listed in a language it is not translated into; $language is the
# language it is written in.
entry-only-in-language = { $language ->
    [cy] Ar gael yn Gymraeg yn unig
   *[other] Ar gael yn Saesneg yn unig
}
