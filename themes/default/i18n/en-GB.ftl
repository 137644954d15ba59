# The default theme's interface in British English.
# A site's theme can replace any message: copy it into themes/<name>/i18n/en-GB.ftl and change the text.
# Text here is written into pages as it is (it may hold HTML); what fills a { $placeable } is escaped.

## Every page
skip-to-main = Skip to main content
header-search-label = Search stories
search-button = Search
nav-label = Main
footer-heading = Support links
footer-submissions = Send us a story or a nomination: <a href="mailto:{ $email }">{ $email }</a>
footer-published-by = Published by { $organisation }. People in these stories gave their consent; some are shown by role only, at their request.
breadcrumb-label = Breadcrumb

## Counts: the number is shown beside the word, so only the word changes
count-stories = { $count ->
    [one] story
   *[other] stories
}
count-nominations = { $count ->
    [one] nomination
   *[other] nominations
}
count-councils = { $count ->
    [one] council and partner
   *[other] councils and partners
}
count-items = { $count ->
    [one] item
   *[other] items
}

## Home page
home-submit-heading = Share your practice
home-submit-text = Proud of a piece of work, or of a colleague? <a href="{ $story_url }">Share a story</a> or <a href="{ $nomination_url }">nominate a colleague</a>.
home-latest-stories = Latest good-practice stories
home-all-stories = All { $count } good-practice { $count ->
    [one] story
   *[other] stories
}
home-no-stories = No stories have been published yet.
home-nominations-heading = My Brilliant Colleague
home-nominations-intro = Colleagues tell us about someone whose work deserves recognition.
home-all-nominations = All { $count } { $count ->
    [one] nomination
   *[other] nominations
}
home-no-nominations = No nominations have been published yet.

## Listings, topics and pagination
listing-range = Showing { $first } to { $last } of { $total }
nothing-published-here = Nothing has been published here yet.
pagination-label = Pagination
pagination-previous = Previous<span class="visually-hidden"> page</span>
pagination-next = Next<span class="visually-hidden"> page</span>
pagination-page = Page { $number }

## Page not found
not-found-heading = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-next = You can <a href="{ $search_url }">search the stories</a> or go to the <a href="{ $home_url }">home page</a>.

## A moved page
moved-heading = This page has moved
moved-link = Go to “{ $title }”

## A story or nomination
entry-draft-banner = <strong>Draft preview.</strong> This is not published.
entry-published = Published
entry-updated = Updated
entry-council = Council
entry-service = Service
voice-note-heading = Voice note ({ $duration })
voice-note-download = Download the voice note
voice-note-transcript = Transcript
entry-topics = Topics
entry-practice-areas = Practice areas:
entry-tags = Tags:
entry-for-journalists = For journalists
entry-media-contact = Media contact:
entry-image-credit = Image credit:
entry-plain-text = Copy-ready plain text of this story
entry-more-for-journalists = More for journalists
entry-web-address = Web address:

## The press page
press-lead = Social workers’ own accounts of practice that made a difference, ready to report.
press-consent = Everyone identifiable in these stories agreed to their publication. Some people are shown by their role only, at their request: please do not try to identify them.
press-office = Press office
press-email = Email:
press-telephone = Telephone:
press-latest-stories = Latest stories
press-media-contact = Media contact
press-image-credit = Image credit
press-copy-ready = Copy-ready text
press-plain-text-of = Plain text<span class="visually-hidden"> of “{ $title }”</span>
press-all-stories = All stories
press-figures-heading = Facts and figures
press-figures-text = How many stories and nominations have been published, by year, council, service and practice area, with a spreadsheet download: <a href="{ $stats_url }">facts and figures</a>.
press-follow-heading = Follow new stories
press-follow-text = New stories appear in these feeds as soon as they are published:
press-feed-of-stories = { $format }<span class="visually-hidden"> feed of stories</span>
press-feeds-page = There are feeds for each council, service and practice area on the <a href="{ $feeds_url }">feeds page</a>.

## Facts and figures
stats-lead = { $stories } { $stories ->
    [one] story
   *[other] stories
} and { $nominations } { $nominations ->
    [one] nomination
   *[other] nominations
} published so far.
stats-only-published = Only what is published on this site is counted: stories waiting for a publication date and unfinished drafts are not.
stats-download = Download these figures as a spreadsheet (CSV file)
stats-column-stories = Stories
stats-column-nominations = Nominations
stats-column-total = Total
stats-nothing = Nothing has been published yet.

## Feeds
feeds-lead = Follow new stories and nominations in a feed reader: everything, or just one council, service or practice area.
feeds-explained = Each feed holds the latest { $limit } stories and nominations, newest first, with their full text. Copy a feed’s address into your feed reader. Atom and RSS work in almost every reader; JSON Feed is for the readers and tools that support it.
feeds-link = { $format }<span class="visually-hidden"> feed: { $name }</span>

## The search page (the words its script shows are still in the script)
search-label = Search stories and nominations
search-hint = Search by topic, council, service, practice area, or a colleague's name.
search-noscript = Search needs JavaScript, which is turned off or not available in your browser. You can still find everything by browsing: <a href="{ $base }stories/">stories</a>, <a href="{ $base }nominations/">nominations</a>, <a href="{ $base }councils/">councils</a>, <a href="{ $base }services/">services</a>, <a href="{ $base }practice-areas/">practice areas</a> and <a href="{ $base }years/">years</a>.
search-skip-to-results = Skip to results
search-filter-results = Filter results
search-loading-filters = Loading filters…
search-clear-filters = Clear filters
search-results = Results
search-sort-by = Sort by
search-sort-relevance = Relevance
search-sort-newest = Newest first
search-show-more = Show more results

## Dates: a day of the month, its month and the year
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Labels the program writes: page titles, navigation, kinds of entry, people
crumb-home = Home
nav-stories = Stories
nav-nominations = Nominations
nav-councils = Councils
nav-services = Services
nav-practice-areas = Practice areas
page-search = Search
page-search-description = Search every story and nomination.
page-accessibility = Accessibility statement
page-accessibility-description = How accessible this website is and how to report a problem.
page-submit-story = Share a story
page-submit-story-description = Tell other social workers about practice you are proud of: this form helps you write it and makes the file to send us.
page-submit-nomination = Nominate a colleague
page-submit-nomination-description = Tell us about a brilliant colleague: this form helps you write your nomination and makes the file to send us.
page-guide-description = Plain-English help for writers, with a complete example of each kind of file.
page-press = For journalists
page-press-description = The latest good-practice stories with their media contacts, image credits and copy-ready text.
page-stats = Facts and figures
page-stats-description = How many good-practice stories and nominations have been published, by year, council, service and practice area.
page-feeds = Feeds
page-feeds-description = Follow new stories and nominations in a feed reader: everything, or one council, service or practice area.
kind-story = Story
kind-nomination = Nomination
person-written-by = Written by
person-nominee = Nominee
person-nominated-by = Nominated by
duration-seconds = { $seconds } seconds
duration-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
duration-minutes-seconds = { $minutes } min { $seconds } s

## Listings and topics. $kind is one of: year, council, service, practice-area, tag
listing-stories-title = Good-practice stories
listing-stories-intro = Social workers describe practice that made a difference, in their own words.
listing-nominations-title = My Brilliant Colleague nominations
listing-nominations-intro = Colleagues tell us about someone whose work deserves recognition.
listing-page-of = { $title } (page { $page } of { $total })
taxonomy-title = { $kind ->
    [council] Councils
    [service] Services
    [practice-area] Practice areas
    [tag] Tags
   *[year] Years
}
taxonomy-description = Browse stories and nominations by { $kind ->
    [council] council
    [service] service
    [practice-area] practice area
    [tag] tag
   *[year] year
}.
term-title = { $kind ->
    [council] Stories and nominations from { $label }
    [tag] Tagged “{ $label }”
    [year] Stories and nominations from { $label }
   *[other] { $label }: stories and nominations
}
# "One item published items" is the wording pages had before this file; it is kept so
# English pages stay the same byte for byte. A council can reword it in its own theme.
term-intro = { $count ->
    [one] One item published items
   *[other] { $count } published items
} with the { $kind ->
    [council] council
    [service] service
    [practice-area] practice area
    [tag] tag
   *[year] year
} “{ $label }”.

## Facts and figures: headings, charts and the spreadsheet
stats-grouping = { $kind ->
    [council] Council
    [service] Service
    [practice-area] Practice area
    [tag] Tag
   *[year] Year
}
stats-heading = { $kind ->
    [council] By council
    [service] By service
    [practice-area] By practice area
    [tag] By tag
   *[year] By year
}
stats-section-title = Published stories and nominations by { $kind ->
    [council] council
    [service] service
    [practice-area] practice area
    [tag] tag
   *[year] year
}
stats-csv-header = Grouping,Name,Stories,Nominations,Total
chart-description = Bar chart with { $rows } { $kind ->
    [council] { $rows ->
        [one] council
       *[other] councils
    }
    [service] { $rows ->
        [one] service
       *[other] services
    }
    [practice-area] { $rows ->
        [one] practice area
       *[other] practice areas
    }
    [tag] { $rows ->
        [one] tag
       *[other] tags
    }
   *[year] { $rows ->
        [one] year
       *[other] years
    }
}: for each, a solid bar for stories and a striped bar for nominations.
chart-most = The most is { $label } with { $stories } { $stories ->
    [one] story
   *[other] stories
} and { $nominations } { $nominations ->
    [one] nomination
   *[other] nominations
}.
chart-table-note = The table beside the chart gives every figure.

## The feeds page's groups
feeds-all = All stories and nominations
feeds-group-everything = Everything

## The copy-ready text beside each story (story.txt)
text-web-address = Web address
text-image = Image
text-image-credit = Image credit
text-media-contact = Media contact
text-published-by = Published by

## Facts and figures: notes under a table
stats-more-than-once = An entry can be about more than one { $kind ->
    [council] council
    [service] service
    [practice-area] practice area
    [tag] tag
   *[year] year
}; it is counted under each, so these rows add up to more than the number published.
stats-not-given = Not counted here, because they do not name a { $kind ->
    [council] council
    [service] service
    [practice-area] practice area
    [tag] tag
   *[year] year
}: { $stories } { $stories ->
    [one] story
   *[other] stories
} and { $nominations } { $nominations ->
    [one] nomination
   *[other] nominations
}.

## The accessibility statement (the GOV.UK sample statement's shape)
a11y-lead = This accessibility statement applies to { $url }, “{ $title }”, run by { $organisation }.
a11y-intro = We want as many people as possible to be able to use this website. For example, that means you should be able to:
a11y-able-colours = change colours, contrast levels and fonts using your browser or device settings, including a dark colour scheme
a11y-able-zoom = zoom in up to 400% without the text spilling off the screen
a11y-able-keyboard = navigate the whole website using just a keyboard
a11y-able-speech = navigate most of the website using speech recognition software
a11y-able-screen-reader = listen to the website using a screen reader
a11y-able-transcripts = read a transcript beside every voice note
a11y-simple = We have also made the text as simple as possible to understand. <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.
a11y-how-heading = How accessible this website is
a11y-known-issues = We know some parts of this website are not fully accessible. They are listed under <a href="#non-accessible-content">non-accessible content</a> below.
a11y-no-known-issues = We are not aware of any parts of this website that are not accessible.
a11y-feedback-heading = Feedback and contact information
a11y-feedback = If you find a problem with this website, or need information on it in a different format such as accessible PDF, large print, easy read, audio recording or braille, contact us:
a11y-contact-email = email <a href="mailto:{ $email }">{ $email }</a>
a11y-contact-phone = call { $phone }
a11y-enforcement-heading = Enforcement procedure
a11y-enforcement = The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, contact the <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
a11y-technical-heading = Technical information about this website’s accessibility
a11y-committed = { $organisation } is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
a11y-compliance-heading = Compliance status
a11y-partially-compliant = This website is partially compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances listed below.
a11y-non-accessible-heading = Non-accessible content
a11y-non-accessible = The content listed below is non-accessible for the following reasons.
a11y-non-compliance-heading = Non-compliance with the accessibility regulations
a11y-fully-compliant = This website is fully compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard.
a11y-improving-heading = What we’re doing to improve accessibility
a11y-improving = Every page type of this website is checked automatically, in light and dark colour schemes, with axe-core in a real browser and with the Nu HTML Checker.
a11y-improving-fixing = We are working to fix the non-accessible content listed above.
a11y-preparation-heading = Preparation of this accessibility statement
a11y-reviewed-on-date = This statement was last reviewed on <time datetime="{ $iso }">{ $date }</time>.
a11y-reviewed-on = This statement was last reviewed on { $date }.
a11y-tested = Every page type of this website is tested against the WCAG 2.2 AA standard by automated checks each time the website’s software changes. Automated checks cannot find every problem, so we welcome your feedback.

## The "Share a story" and "Nominate a colleague" forms
form-about-you = About you
form-your-full-name = Your full name
form-your-role = Your job title or role
form-i-want-anonymous = I want to be anonymous
form-date = Date
form-date-hint = Usually today.
form-service = Service
form-create-file = Create my file
form-story-lead = Tell other social workers about a piece of work you are proud of, in your own words.
form-story-author-name-hint = We need it to accept the story. If you want to be anonymous, it is not published.
form-story-author-role-hint = For example, Social worker, children in care team. It is shown with the story.
form-story-anonymous-hint = The website will show only your role and council. Do not use your name in the story.
form-about-story = About the story
form-title = Title
form-story-title-hint = At most { $max } characters. It appears in lists of stories and when the story is shared.
form-summary = Summary
form-summary-hint = One or two sentences, at most { $max } characters. It is shown in lists, search results and social media previews.
form-story-council = Council or organisation the story comes from
form-council-hint = Start typing to choose a council already on this site, or type another name.
form-service-hint = The service the story is mainly about.
form-choose-service = Choose a service
form-practice-areas = Practice areas (optional)
form-practice-areas-hint = Choose any that the story shows.
form-tags = Other key words (optional)
form-tags-hint = Separate them with commas. For example: fathers, court.
form-your-story = Your story
form-tell-story = Tell the story
form-story-body-hint = Aim for 400 to 700 words. What was the situation? What did you do? What changed? What did you learn? Do not include telephone numbers, e-mail addresses or postcodes, or anyone's real name unless they agreed.
form-story-word-count = You have 0 words.
form-sensitive-terms-optional = Real names you used while drafting (optional)
form-story-sensitive-hint = For example, a child's first name. Separate them with commas. They are never published, and our checks make sure they are not in the story.
form-consent-heading = Has everyone identifiable agreed to publication?
form-consent-hint = Everyone who could recognise themselves in the story must agree. If not yet, we save it as a draft and publish nothing until they have.
form-consent-yes = Yes, and their agreement is recorded
form-consent-no = Not yet
form-consent-by = Who recorded their agreement?
form-consent-by-hint = A role is enough, for example Team manager. It is kept in the file and never published.
form-consent-date = Date it was recorded
form-consent-expires = Date the story must come down (optional)
form-consent-expires-hint = Only if someone agreed for a limited time.
form-consent-draft = Your story will be saved as a draft. Send it to us anyway: we will help you record consent, and publish nothing until everyone has agreed.
form-story-other = Want to thank a colleague instead? <a href="{ $url }">Nominate a colleague</a>.
form-nomination-lead = Tell us about a colleague whose work deserves recognition. A nomination is between { $min } and { $max } words.
form-your-colleague = Your colleague
form-their-full-name = Their full name
form-nominee-name-hint = We need it to accept the nomination. If they want to be anonymous, it is not published.
form-their-role = Their job title or role
form-nominee-role-hint = For example, Duty social worker. It is shown on the website.
form-their-organisation = Their council or organisation
form-colleague-anonymous = My colleague wants to be anonymous
form-nominee-anonymous-hint = The website will show only their role and organisation. Do not use their name in the title or the text.
form-nominator-name-hint = If you want to be anonymous, it is not published.
form-your-organisation = Your council or organisation
form-nominator-organisation-hint = Leave it empty if it is the same as your colleague's.
form-nominator-anonymous-hint = The website will show only your role and organisation.
form-your-nomination = Your nomination
form-short-title = A short title
form-nomination-title-hint = At most { $max } characters. For example, The duty manager who stayed.
form-why-brilliant = Why is your colleague brilliant?
form-nomination-body-hint = Write between { $min } and { $max } words. Say who they are, what they did and what difference it made: one real example is worth more than a list of qualities. Do not include telephone numbers, e-mail addresses or postcodes.
form-nomination-word-count = You have 0 words. Write at least { $min }.
form-more-details = More details (optional)
form-nomination-council = Council to list it under
form-nomination-council-hint = Leave it empty to use your colleague's organisation.
form-not-one-service = Not about one service
form-sensitive-terms = Real names you used while drafting
form-nomination-sensitive-hint = For example, a child's first name. Separate them with commas. They are never published, and our checks make sure they are not in the text.
form-nomination-other = Want to share a piece of your own work instead? <a href="{ $url }">Share a story</a>.
form-intro = This form asks you one thing at a time and checks your answers as you go. Nothing is sent until you choose to send it: the form makes a file for you to download or e-mail to us, and an editor reads it before anything is published.
form-guide-link = Read <a href="{ $url }">how to write a story or a nomination</a> for help, and an example of each.
form-error-title = There is a problem
form-result-title = Your file is ready
form-result-name = Your file is called <code id="submit-file-name"></code>. Send it to us in one of these ways:
form-download = Download the file
form-attach = Then attach it to an e-mail.
form-open-email = Open an e-mail with the file in it
form-email-note = The file is in the e-mail text, not attached: websites cannot attach files to e-mails. Send the e-mail as it is. If the text looks cut short, download the file and attach it instead.
form-see-file = See what the file says
form-change-answers = You can change your answers above and press the button again to make a new file.
form-nojs = <strong>If the form does not appear</strong> (it needs JavaScript), download the <a href="{ $template_url }" download>blank { $kind ->
    [nomination] nomination
   *[story] story
} file</a>, fill it in with a plain text editor such as Notepad or TextEdit, and e-mail it to us. The <a href="{ $guide_url }">writing guide</a> explains each line.
form-nojs-email = <strong>If the form does not appear</strong> (it needs JavaScript), download the <a href="{ $template_url }" download>blank { $kind ->
    [nomination] nomination
   *[story] story
} file</a>, fill it in with a plain text editor such as Notepad or TextEdit, and e-mail it to us at <a href="mailto:{ $email }">{ $email }</a>. The <a href="{ $guide_url }">writing guide</a> explains each line.
form-attach-to = Then attach it to an e-mail to <a href="mailto:{ $email }">{ $email }</a>.

## What the forms' script shows while you fill them in. { $field } and the other values
## are filled in by the script; $words is the number of words written.
js-error-prefix = Error:
js-please-check = Please check:
js-enter-author-name = Enter your full name
js-enter-author-role = Enter your job title or role
js-enter-title = Enter a title
js-enter-summary = Enter a summary
js-enter-council = Enter the council or organisation the story comes from
js-choose-service = Choose a service
js-write-story = Write your story
js-consent-choose = Say whether everyone identifiable has agreed to publication
js-enter-consent-by = Enter who recorded their agreement
js-enter-nominee-name = Enter your colleague's full name
js-enter-nominee-role = Enter your colleague's job title or role
js-enter-nominee-organisation = Enter your colleague's council or organisation
js-enter-nominator-name = Enter your full name
js-enter-nominator-role = Enter your job title or role
js-enter-date = Enter the date
js-invalid-date = The date must be a real date, like 2026-03-02
js-enter-consent-date = Enter the date consent was recorded
js-invalid-consent-date = The date consent was recorded must be a real date, like 2026-03-02
js-invalid-consent-expires = The date the story must come down must be a real date, like 2026-03-02
js-too-long-title = The title must be { $max } characters or fewer; it is { $length }
js-too-long-summary = The summary must be { $max } characters or fewer; it is { $length }
js-nomination-too-short = Your nomination is { $words } { $words ->
    [one] word
   *[other] words
} long: write at least { $min }
js-nomination-too-long = Your nomination is { $words } words long: shorten it to { $max } or fewer
js-word-count = You have { $words } { $words ->
    [one] word
   *[other] words
}.
js-word-count-short = You have { $words } { $words ->
    [one] word
   *[other] words
}. Write at least { $min }.
js-word-count-long = You have { $words } words. That is { $over } too many: the limit is { $max }.
js-word-count-within = You have { $words } { $words ->
    [one] word
   *[other] words
}. That is within the limit of { $min } to { $max }.
js-leak-own = { $field } contains your name, but you asked to be anonymous. Describe yourself by role instead.
js-leak-colleague = { $field } contains your colleague's name, but they asked to be anonymous. Describe them by role instead.
js-leak-term = { $field } contains “{ $term }”, which you listed as a real name used while drafting. Replace it, for example with an initial.
js-personal-data = Your text contains { $kind } ({ $text }). Remove it: contact details must not be published.
js-data-email = an e-mail address
js-data-phone = a telephone number
js-data-postcode = a postcode
js-data-nhs = an NHS number
js-data-ni = a National Insurance number
js-field-body = your text
js-field-title = the title
js-field-summary = the summary
js-field-council = the council
js-field-tags = the key words
js-field-author-name = your name
js-field-author-role = your role
js-field-nominee-name = your colleague's name
js-field-nominee-role = your colleague's role
js-field-nominee-organisation = your colleague's organisation
js-field-nominator-name = your name
js-field-nominator-role = your role
js-field-nominator-organisation = your organisation
js-email-subject-story = A good-practice story
js-email-subject-nomination = A My Brilliant Colleague nomination
js-email-intro = Please save the text below, from the first --- line to the end, as { $file }
## The search page's script (search.js): rendered into the page, where the script reads them.
## { $n } and { $query } are filled in by the script: keep them in the text.
search-start = Type a search term or choose a filter.
search-keep-typing = Keep typing to search.
search-failed = Search failed. Please try again.
search-filters-failed = Filters could not be loaded.
search-load-failed = Search could not be loaded. You can still browse <a href="{ $base }stories/">stories</a>, <a href="{ $base }nominations/">nominations</a>, <a href="{ $base }councils/">councils</a>, <a href="{ $base }services/">services</a>, <a href="{ $base }practice-areas/">practice areas</a> and <a href="{ $base }years/">years</a>.
search-did-you-mean = Did you mean { $query }?
search-facet-type = Type
search-facet-council = Council
search-facet-service = Service
search-facet-practice-area = Practice area
search-facet-year = Year
search-facet-story = Stories
search-facet-nomination = Nominations
search-kind-story = Story
search-kind-nomination = Nomination
search-count = { $count ->
    [0] No results.
    [one] { $n } result.
   *[other] { $n } results.
}
search-count-for = { $count ->
    [0] No results for “{ $query }”.
    [one] { $n } result for “{ $query }”.
   *[other] { $n } results for “{ $query }”.
}
search-count-filtered = { $count ->
    [0] No results with the chosen filters.
    [one] { $n } result with the chosen filters.
   *[other] { $n } results with the chosen filters.
}
search-count-for-filtered = { $count ->
    [0] No results for “{ $query }” with the chosen filters.
    [one] { $n } result for “{ $query }” with the chosen filters.
   *[other] { $n } results for “{ $query }” with the chosen filters.
}

## Sites in more than one language: the switcher and entries not translated yet
# This language's name for itself, shown in the switcher on the other language's pages.
language-name = English
language-switcher-label = Language
# Under an entry listed in a language it is not translated into; $language is the
# language it is written in.
entry-only-in-language = { $language ->
    [cy] Available in Welsh only
   *[other] Available in English only
}

## Social cards and feeds: the words drawn on a generated card, its description for people
## who cannot see it, and the names of the feeds (in feed readers and in page heads).
card-kind-story = Story
card-kind-nomination = My Brilliant Colleague
# Above the title on a card: the kind of entry and its date ("Story · 7 December 2026").
card-kind-date = { $kind } · { $date }
card-alt = { $kind }: “{ $title }”, on { $site }
card-alt-council = { $kind }: “{ $title }” from { $council }, on { $site }
# The description of a card left in the language its entry is written in; $language is
# that language's tag.
card-alt-in-language = { $language ->
    [cy] A card in Welsh
   *[other] A card in English
}: { $alt }
feed-all-name = All stories and nominations
feed-all-description = Every story and nomination from { $site }.
feed-stories-name = Good-practice stories
feed-stories-description = Social workers describe practice that made a difference, in their own words.
feed-nominations-name = My Brilliant Colleague nominations
feed-nominations-description = Colleagues tell us about someone whose work deserves recognition.
# A council's, service's or practice area's feed; $kind is council, service or practice-area.
feed-term-name = { $kind ->
    [council] Stories and nominations from { $label }
   *[other] { $label }: stories and nominations
}
feed-term-description = { $name }, newest first.
# A feed's title in a feed reader: what it follows, then the site.
feed-title = { $name } – { $site }
# A feed in a page's head: what it follows and its format (Atom, RSS, JSON Feed).
feed-link-title = { $name } ({ $format })
## An anonymous person, shown by role and organisation instead of their name, on pages,
## in feeds, the search index and JSON-LD. $role is the role as written, with a small
## first letter unless it begins with an abbreviation ("team manager", "AMHP");
## $role-capital is the same with a capital first letter; $sound is "vowel" when the role
## begins with a vowel letter (for "An"), else "consonant". $organisation is the
## person's council or organisation.
anonymous-person = { $sound ->
    [vowel] An
   *[consonant] A
} { $role }
anonymous-person-at = { $sound ->
    [vowel] An
   *[consonant] A
} { $role } at { $organisation }
# When no role is given in the page's language.
anonymous-colleague = A colleague
anonymous-colleague-at = A colleague at { $organisation }
## On another language's 404 page, in this language: a static host shows the default
## language's 404 page for every missing address. $home_url is this language's home.
not-found-in-this-language = Page not found. Looking for a page in English? Go to the <a href="{ $home_url }" hreflang="en-GB">English home page</a>.
