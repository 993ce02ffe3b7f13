# Carnet — English messages.

## Tabs and screen
tab-journal = Journal
tab-reseau = Network
tab-documentation = Documentation
tab-competences = Competences
tab-bilan = Report
loading = Loading the logbook…
demo-badge = DEMO
status-decode-failures = ⚠ { $count ->
    [one] 1 unreadable record
   *[other] { $count } unreadable records
  } (carnet doctor)
too-small = Window too small ({ $current_width }×{ $current_height }). Enlarge the terminal to at least { $width } columns by { $height } rows; until then keys are ignored ({ $quit } quits).
help-title = Help — keys
help-config = Keys can be changed in the [keys] section of the configuration file (see README).

## Actions (help and footer)
action-quit = Quit
action-help = Help
action-next-tab = Next tab
action-prev-tab = Previous tab
action-tab-journal = Journal
action-tab-reseau = Network
action-tab-documentation = Documentation
action-tab-competences = Competences
action-tab-bilan = Report
action-down = Next
action-up = Previous
action-page-down = Page down
action-page-up = Page up
action-first = First
action-last = Last
action-detail-down = Detail ↓
action-detail-up = Detail ↑
action-close = Close

context-global = Everywhere
context-list = Lists
context-help = Help

## Days
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
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

## Empty states
empty-journal = No interactions yet.
empty-reseau = No structures in the network yet.
empty-documentation = No sheets yet.
empty-competences = The référentiel holds no competence.
empty-first-steps = First steps
empty-step-profil = 1. Your profile: tab 4 Competences, w → Profile, then e (role, employer, dates).
empty-step-reseau = 2. Your first partners: tab 2 Network, n (a structure), c (a contact).
empty-step-interaction = 3. Your first interaction: n here, a type, a few words, Ctrl-S.
empty-start-demo = To discover Carnet on a fictional territory: carnet demo
empty-start-import = To restore a JSON export: carnet import FILE.json

## Columns
col-day = Day
col-time = Time
col-duration = Length
col-types = Types
col-themes = Themes
col-demande = Request
col-name = Name
col-typologies = Types
col-quartier = District
col-relation = Relation
col-last-contact = Contact
col-classement = Filing
col-titre = Title
col-type = Type
col-statut = Status
col-revision = Review
col-competence = Competence
col-principale = Main
col-secondaire = Sec.
col-latest = Latest

## Details
detail-interaction = Interaction
detail-structure = Structure
detail-fiche = Sheet
detail-competence = Competence
detail-evidence = Competence evidence
detail-services = Services offered
detail-contacts = Contacts
detail-sources = Sources
detail-contenu = Content
detail-observables = Observables (Carnet's hints, not official)
detail-criteres = Official criteria
detail-linked-records = Linked records ({ $count })
no-evidence = No evidence yet.
no-contacts = No contacts recorded.
more-records = … and { $count } more.
ccp-summary = { $competences } competences, { $links ->
    [0] no evidence
    [one] 1 piece of evidence
   *[other] { $links } pieces of evidence
  }.
competence-orphan = competence missing from the current référentiel
strength-principale = main
strength-secondaire = secondary
persons-suivi = Follow-up { $code }
persons-suivi-missing = Follow-up not found
persons-count = { $count ->
    [one] 1 person
   *[other] { $count } persons
  }
contact-inactive = inactive
suite-done = done
never = never
yes = yes
no = no

## Fields
field-types = Types
field-canal = Channel
field-lieu = Place
field-personnes = Persons
field-premier-contact = First contact
field-thematiques = Themes
field-demande = Request
field-besoin = Need identified
field-reponses = Response
field-orientation = Referral
field-autonomie = Autonomy
field-suite = Follow-up
field-note-pro = Professional note
field-note-privee = Private note
field-typologies = Types
field-relation = Relationship level
field-last-contact = Last contact
field-verified = Verified on
field-adresse = Address
field-quartier = District
field-telephone = Phone
field-courriel = E-mail
field-site = Website
field-horaires = Opening hours
field-publics = Publics
field-notes = Notes
field-classement = Filing
field-type = Type
field-statut = Status
field-revision = Review due
field-revisions = Revisions
field-structures = Linked structures

## Record kinds
kind-interactions = Interactions
kind-suivis = Follow-ups
kind-structures = Structures
kind-contacts = Contacts
kind-rencontres = Network meetings
kind-veille = Watch
kind-fiches = Sheets
kind-analyses = Practice analyses

## Validation
err-required = Required field.
err-duration-range = The length must be between 1 minute and 24 hours.
err-persons-zero = Enter at least one person.
err-suivi-code = Follow-up code expected as P-2026-017.

## Command line
err-usage = Invalid command. See "carnet --help".
err-clock = CARNET_TODAY "{ $value }": not a date. Write 2026-11-27 or 2026-11-27T10:30, or unset it to follow the system clock.
err-config = Configuration { $file }: { $detail }. Fix the file or start Carnet with --config to choose another one.
err-config-line = Configuration { $file }, line { $line }: { $detail }. Fix this line and start Carnet again.
config-not-found = file not found
config-permission = reading is not allowed (file permissions)
config-not-utf8 = the file is not UTF-8 text
config-is-dir = this is a directory, not a file
config-unreadable = the file cannot be read
config-unknown-setting = unknown setting "{ $name }" (a typo? the README lists the settings under Configuration)
config-wrong-type = { $key } expects { $expected }
config-expected-count = a whole positive number, without quotes
config-expected-text = a text in quotes
config-expected-bool = true or false
config-expected-list = a list in brackets [ … ]
config-unknown-value = { $key } = "{ $value }": expected { $expected }
config-syntax = invalid TOML ({ $detail })
config-lang = lang = "{ $value }": expected "fr" or "en"
config-retention = conservation_mois = { $months }: from 1 to { $max } (records about a person are kept at most { $max } months after the last contact; the period may be shortened, never lengthened)
config-csv-separator = separateur_csv = "{ $value }": expected ",", ";" (French spreadsheets) or "tab"
config-bad-key = unknown key "{ $key }" (examples: "q", "Ctrl-s", "Shift-Tab", "PageDown", "F2")
config-key-conflict = key { $key } is bound to both "{ $first }" and "{ $second }" in [keys.{ $context }]
config-vocab-duplicate = vocabulaires.{ $list }: id "{ $id }" appears twice
config-vocab-parent = vocabulaires.plan_classement: "{ $id }" has unknown parent "{ $parent }"
config-vocab-empty = vocabulaires.{ $list } is empty
config-ref-no-ccp = no [[ccp]]: a référentiel needs at least one CCP
config-ref-empty-ccp = { $id } has no [[ccp.competences]]
config-ref-duplicate = id "{ $id }" is used twice
err-locked = The logbook is already open by { $user } on { $host } (pid { $pid }){ $since }. Close the other session before opening it here; carnet note, export, suivi export and doctor go through it.
err-newer-schema = The logbook { $path } was written by a newer Carnet (schema { $found }; this one reads up to schema { $supported }). Update Carnet; the logbook was not modified.
err-bad-schema = The file { $path } should hold the logbook's version number and does not. Carnet changed nothing. Put the number back (this Carnet reads up to schema { $supported }), or delete the file so that Carnet rebuilds it from the logbook.
store-recovered = An interrupted opening (abrupt stop, full disk) had left an unfinished snapshot ({ $files }) that kept the logbook from opening: it was moved aside into the "recuperation" folder and the logbook opens normally.
warn-backup-failed = Today's backup could not be written ({ $detail }). Your records are in the logbook; free some space or check the folder, it will be tried again at the next quit.
confirm-resume-draft = A form was not saved when Carnet was stopped on { $date } at { $time }. Resume it?
err-disk-full = The logbook's disk is full (or read-only): nothing was saved. Free some space and try again; "carnet export" and "carnet doctor" work meanwhile.
status-recovered = Logbook repaired: an unfinished snapshot was set aside (carnet doctor).
backup-in-progress = Writing today's backup into sauvegardes/ (a few seconds)…
err-not-empty = The logbook { $path } already holds records: import goes into an empty logbook. Choose another folder with --data-dir.
err-not-demo = The folder { $path } holds a real logbook: the demo does not overwrite it. Choose another folder with --data-dir.
err-store = Logbook error: { $detail }.
err-io = Cannot use { $path }: { $detail }.
err-import = Cannot import from { $path }: { $detail }.
err-import-not-regular = not a regular file (FIFO, device, folder…)
err-import-too-large = the file is over 2 GiB, not a Carnet export
err-import-not-utf8 = the text is not UTF-8
err-import-gzip = the compressed file cannot be read ({ $detail })
err-json-not-carnet = not a Carnet export (format "{ $format }")
err-json-newer = export version { $version }, newer than this Carnet reads ({ $supported }): update Carnet
err-import-csv = a CSV file cannot be imported (it is for spreadsheets); Carnet imports a JSON export (carnet export -o carnet.json), a backup (sauvegardes/carnet-….json.gz) or a folder of Markdown fiches
err-import-markdown = a single Markdown fiche cannot be imported; import the folder that holds it (carnet import fiches/)
err-import-not-json = this is not a Carnet JSON export; Carnet imports a JSON export (carnet export -o carnet.json), a backup (sauvegardes/carnet-….json.gz) or a folder of Markdown fiches
err-json-syntax = line { $line }, column { $column }: { $detail }
err-import-invalid = Import from { $path } refused: { $count } value(s) break Carnet's input rules. Nothing was written; fix the file and import again.
err-import-too-long = text of { $chars } characters, over the { $max } a form accepts
err-import-duplicate-id = another record of the same kind already has this id
err-import-impossible-id = impossible id (zero, or dated after year 9999)
err-import-more = … and { $count } more.
err-terminal = Terminal error: { $detail }.
err-no-terminal = Carnet runs in a terminal: start it from an interactive terminal. Without one, use "carnet export" or "carnet doctor".
warn-decode-failures = Warning: { $count } unreadable record(s) skipped; "carnet doctor" lists them.
import-done = { $count } records imported into { $path }.
demo-generated = Demo generated: { $count } interactions in { $seconds } s in { $path }.

## Doctor
doctor-data-dir = Logbook folder
doctor-demo-dir = Demo folder
doctor-config = Configuration file
doctor-config-none = none (defaults)
doctor-lang = Language
doctor-referentiel = Référentiel
doctor-term = TERM
doctor-colorterm = COLORTERM
doctor-theme = Theme
doctor-theme-mono = monochrome
doctor-theme-color = colours
doctor-no-color = NO_COLOR
doctor-store = Logbook
doctor-store-missing = not created yet (it will be on first launch)
doctor-lock = Lock
doctor-locked-by = open by { $user } on { $host } (pid { $pid }); contents are not read meanwhile
doctor-unlocked = free
doctor-foreign = Other files
doctor-foreign-value = { $count } item(s) in the logbook's folder that are not Carnet's: { $names }. Carnet leaves them alone; keep them elsewhere, as this folder holds personal data.
doctor-unhealthy = The logbook does not open: see the report above.
doctor-cannot-open = Nothing was changed. What to do: delete nothing in { $path }; open the latest backup in an empty folder (carnet --data-dir NEW_FOLDER restore { $path }/sauvegardes/FILE), check it, then keep the old folder aside for support.
doctor-recovered = Repair
doctor-set-aside = Set aside
doctor-set-aside-value = { $count } unfinished file(s) moved aside by a repair, in { $path }; the logbook does not need them, you may delete them.
doctor-backups = Backups
doctor-backups-none = none yet (one a day when leaving the interface, and before each import of sheets)
doctor-backups-off = turned off (sauvegardes_quotidiennes and sauvegardes_hebdomadaires at 0)
doctor-backups-value = { $count }, the newest on { $date } ({ $days } day(s) ago), in { $path }; to restore: carnet --data-dir EMPTY_FOLDER restore FILE
warn-read-only = The logbook's disk is full or read-only: the logbook is read from a temporary copy, without writing anything to it. Free some space to be able to save again.
doctor-read-only = Disk
doctor-schema = Schema
doctor-schema-value = { $version } (this version reads up to { $supported }), created by { $by }
doctor-size = Size on disk
doctor-demo = Demo
doctor-demo-seed = yes (seed { $seed })
doctor-counts = Records:
doctor-no-decode-failures = Every record reads correctly.
doctor-decode-failures = { $count } unreadable record(s) (tree / key):
doctor-no-unknown-ids = Every vocabulary id is known to the configuration.
doctor-unknown-ids = { $count } id(s) unknown to the current configuration (kept, shown raw):

## Measurements (bench)
bench-title = Generated logbook: { $count } interactions ({ $records } records in all)
bench-generate = Generation in memory
bench-write = Writing to the store
bench-size = Size on disk
bench-open = Opening the store
bench-load = Full load
bench-first-frame = First frame with data
bench-rss = Peak memory (opening)

## Input: dates, times, durations
err-date-format = Date not recognised: type 29/11/2026, 29/11, today, yesterday or -2.
err-date-impossible = This date does not exist.
err-date-future = This date is still to come: a change that happened is dated today at the latest.
err-status-before-signalement = The change cannot come before the report itself.
field-date-statut = Status changed on
hint-date-statut = Empty: today. For a change noted afterwards: 20/11, hier, -3…
err-time-format = Time not recognised: type 14h30 or 14:30.
err-duration-format = Length not recognised: type 30, 45 min or 1h30.

## Free-text guard
guard-reminder = Write as if the person were going to read this note.
guard-nir = looks like a social security number
guard-iban = looks like an IBAN
guard-phone = looks like a phone number
guard-email = looks like an e-mail address
guard-name = looks like a person's name
guard-health = health data
guard-religion = religious belief
guard-address = looks like a postal address
guard-birth = date or place of birth
guard-identifier = looks like a number or code issued to the person
guard-sexual-life = sex life or sexual orientation
guard-origin = ethnic or racial origin
guard-opinion = political opinion or union membership
guard-judicial = offence, conviction or judicial procedure
guard-secret = password or identifier
guard-suivi = follow-up code: remove it from what others will read

## Journal CSV export
csv-id = Id
csv-date = Date
csv-heure = Time
csv-duree = Length (min)
csv-types = Types
csv-canal = Channel
csv-lieu = Place
csv-quartier = District
csv-personnes = Number of persons
csv-suivi = Follow-up code
csv-tranches-age = Age groups
csv-genres = Genders
csv-statuts = Status
csv-residences = Residence
csv-thematiques = Themes
csv-demande = Request
csv-besoin = Need identified
csv-reponses = Response
csv-orientation = Referred to
csv-orientation-issue = Referral outcome
csv-autonomie = Autonomy
csv-premier-contact = First contact
csv-suites = Follow-ups
csv-note-pro = Professional note
csv-competences = Competences

## carnet note
err-export-combination = Possible exports: --what all --format json (the whole logbook), --what journal --format csv, --what reseau --format csv (the directory), --what contacts --format vcard, --what documentation --format md -o FOLDER, --what couverture --format md, html or csv (the coverage matrix), --what dossier --format md, html or docx (the Dossier Professionnel), or --what bilan --format json, csv, md, html or xlsx (the activity report).
note-saved = Interaction logged ({ $id }).
err-note-id = { $flag } { $value }: unknown id. Valid values: { $valid }.
err-note-value = { $flag } "{ $value }": { $detail }
err-note-structure-none = --vers "{ $value }": no structure of the network has this name.
err-note-structure-many = --vers "{ $value }" matches several structures: { $names }. Be more specific.
err-note-guard = The text may contain identifying or sensitive information:
  { $list }
  Write as if the person were going to read this note. Rephrase, or add --yes to save anyway.

## Journal: input, search, filters, to-do
action-new = New
action-edit = Edit
action-delete = Delete
action-undo = Undo
action-duplicate = Duplicate
action-search = Search
action-filter = Filters
action-todo = To do
action-clear-filter = Show all
action-mark-done = Done
action-timeline = Person's follow-up
action-next-field = Next field
action-prev-field = Previous field
action-save = Save
action-cancel = Cancel
action-same-as-last = Same as last time
status-same-as-last = Taken from their last interaction ({ $date }): types, themes, request, length, channel, place, need and answer. Date, notes and follow-ups stay this one's.
status-rencontre-with = New meeting with "{ $name }" ("Structures met" field).
status-same-as-last-offer = { $key }: same as last time (takes their last interaction).
status-same-as-last-needs-suivi = "Same as last time" takes a follow-up's last interaction: choose its code first (Ctrl-G cod).
status-same-as-last-none = This follow-up has no other interaction yet.
action-go-to-field = Go to
picker-go-to-field = Go to field
editor-opening = Opening { $editor }… Save and quit the editor to come back to Carnet (choose the editor with $VISUAL or $EDITOR).
action-external-editor = Editor
action-open = Choose
action-select = Accept
action-mark = Tick
action-yes = Yes
action-no = No
context-search = Search
context-form = Forms
context-picker = Choice lists
context-confirm = Confirmations

form-new-interaction = New interaction
form-edit-interaction = Edit interaction
form-filter = Filter the journal
form-new-structure = New network structure
form-hint-picker = Type to search · Enter: the list · ⌫: clear
input-truncated = Text too long: the end was cut off.
new-record = to be created
field-date = Date
field-heure = Time
field-duree = Length
field-suivi = Follow-up code
field-nombre = Number of persons
field-tranche-age = Age group
field-genre = Gender
field-residence = Residence
field-issue = Referral outcome
field-echeance = Follow-up due date
field-competences = Competences
field-justification = Justification
field-periode = Period
field-du = From
field-au = To
field-theme = Theme
field-structure = Structure
field-suites-dues = Follow-ups due
field-nom = Name
field-typologie = Type
period-all = Everything
period-today = Today
period-week = This week
period-month = This month
period-custom = Chosen dates
err-persons-count = Number of persons between 1 and 999.
err-suite-action = Describe the follow-up before its due date.

picker-create-structure = Create the structure "{ $name }"
picker-new-suivi = New follow-up { $code }
picker-empty = Nothing to choose yet.
picker-empty-structure-create = The network has no structure yet: type its name, then Enter to create it here.
picker-empty-structures = The network has no structure yet: add one in the Network tab (n).
picker-empty-contacts = The network has no contact yet: add one from a structure (Network tab, c).
picker-empty-interactions = The journal has no interaction yet: log one in the Journal (n).
picker-none = No result: correct the search.
confirm-title = Confirmation
confirm-keys = y: yes    n: no
confirm-delete-interaction = Delete the interaction of { $date } "{ $demande }"? (u to undo afterwards)
confirm-discard = Discard the changes in this form?
guard-title = Before saving
guard-keys = y or Enter: save anyway    Esc: back to the form

status-saved = Interaction saved.
status-deleted = Interaction deleted (u to undo).
status-duplicated = Interaction duplicated with today's date.
status-marked-done = Follow-up marked as done.
status-undone = Undone: { $what }.
status-nothing-to-undo = Nothing to undo.
status-no-suivi = This interaction has no follow-up code.
status-persist-failed = Could not save to disk: { $detail }. The change stays on screen; try again or run "carnet export".
status-editor-failed = The editor could not start: { $detail }.
status-editor-text-only = The external editor is for text fields.
undo-created = creation
undo-edited = edit
undo-deleted = deletion
undo-duplicated = duplicate
undo-marked-done = follow-up done

empty-journal-filtered = No interaction matches. Esc to see everything.
todo-title = To do · { $count } ({ $overdue } overdue)
todo-empty = Nothing to do: no follow-up is due within seven days.
todo-overdue = overdue
todo-today = today
todo-soon = upcoming
col-due = Due
col-when = When
col-action = Follow-up

## Key names
key-shift = Shift
key-pageup = PgUp
key-pagedown = PgDn
help-this-screen = This screen: { $screen }
key-enter = Enter
key-esc = Esc
key-space = Space
key-backtab = Shift-Tab
key-home = Home
key-end = End
key-backspace = Backspace
key-delete = Del
quoted = “{ $text }”
guard-item = {"  "}• { $quoted }: { $why }
bench-search = Search, per keystroke (with drawing)
bench-save-store = Saving (transaction + flush)
bench-io-note = Written to disk: note (median)
bench-io-doctor = Written to disk: doctor
bench-io-export = Written to disk: export
bench-save-app = Saving (updating the screen)

## Network
action-new-contact = Contact
action-edit-contact = Edit a contact
action-verified = Verified
action-delete-record = Delete this record
action-todo-reseau = To follow up
action-directory = Directory
form-edit-structure = Edit structure
form-new-contact = New contact
form-edit-contact = Edit contact
field-commune = Town
field-verifiee = Verified on
field-fonction = Role
field-canal-prefere = Preferred channel
field-actif = Active
err-phone = Number not recognised: type 01 23 45 67 89, 0123456789, +33 1 23 45 67 89 or a short number (3230, 115, 116 006).
err-email = E-mail address not recognised: type name@domain.fr.
err-period-order = The period ends before it starts.
confirm-delete-structure = Delete "{ $name }" and its { $contacts } contact(s)? { $interactions } interaction(s) and { $rencontres } meeting(s) mention it: they will keep its name. (u to undo afterwards)
confirm-delete-contact = Delete this contact? Meetings that list them will keep their name. (u to undo afterwards)
confirm-similar-structure = A structure with a close name already exists: "{ $name }". y: open it · n: create anyway · Esc: go back
status-structure-saved = Structure saved.
status-contact-saved = Contact saved.
status-structure-deleted = Structure deleted (u to undo).
status-contact-deleted = Contact deleted (u to undo).
status-verified = Marked verified today.
status-no-contacts = This structure has no contact yet: c to add one.
status-delete-from-list = Delete from the list (key d).
undo-verified = verification
picker-contacts = Contacts
kind-structure = Structure
kind-contact = Contact
col-verified = Verif.
col-kind = What
col-reason = Why
relance-title = To follow up · { $count }
relance-empty = Nothing to follow up: every partner was seen or verified in time.
relance-no-contact = { $days } days late (cadence { $cadence } days)
relance-never = never contacted
relance-never-verified = details never verified
relance-not-verified = to verify ({ $days } days late)
detail-orientations = Referrals ({ $count }, outcome known for { $known })
detail-rencontres = Meetings ({ $count })
ago-days = { $n } d
ago-weeks = { $n } wk
ago-months = { $n } mo
action-new-rencontre = Meeting
form-new-rencontre = New network meeting
form-edit-rencontre = Edit meeting
field-type-rencontre = Type of meeting
field-structures-met = Structures met
field-objet = Subject
field-contacts-met = Contacts met
field-initiative = Initiative
field-compte-rendu = Minutes
status-rencontre-saved = Meeting saved.
csv-nom = Name
csv-typologies = Types
csv-relation = Relationship level
csv-adresse = Address
csv-commune = Town
csv-telephone = Phone
csv-courriel = E-mail
csv-site = Website
csv-horaires = Opening hours
csv-publics = Publics
csv-services = Services
csv-contacts = Contacts
csv-dernier-contact = Last contact
csv-verifiee = Verified on
csv-notes = Notes
kind-signalements = Technical reports
kind-notes_territoire = Territory notes

## Network: views, watch, reports, notes, overview
action-view = Views
picker-views = Network views
picker-comp-views = Competence views
view-annuaire = Directory
view-relancer = To follow up
view-rencontres = Meetings
view-veille = Watch
view-signalements = Technical reports
view-notes = Territory notes
view-overview = Overview
confirm-delete-named = Delete "{ $summary }" ({ $date })? (u to undo afterwards)
confirm-delete-record = Delete this record? (u to undo afterwards)
status-record-saved = Saved.
status-record-deleted = Deleted (u to undo).
form-new-veille = New watch entry
form-edit-veille = Edit watch entry
form-new-signalement = New technical report
form-edit-signalement = Edit report
form-new-note = New territory note
form-edit-note = Edit territory note
field-resume = Summary
field-source-type = Source type
field-source = Source
field-fiabilite = Reliability
field-diffusion = Shared with
field-categorie = Category
field-description = Description
field-destinataire = Reported to
field-statut-signalement = Status
field-theme-territoire = Theme
field-territoire = Territory
field-periode = Period
field-texte = Text
col-date = Date
col-structures = Structures
col-objet = Subject
col-source = Source
col-fiabilite = Reliability
col-resume = Summary
col-categorie = Category
col-lieu = Place
col-theme = Theme
col-periode = Period
col-texte = Text
col-partner = Partner
col-orientations = Refs
col-known = Known
col-done = Success
col-last = Latest
empty-records = Nothing yet: n to add.
empty-orientations = No referral to a structure of the network yet.
detail-rencontre = Meeting
detail-veille = Watch
detail-signalement = Report
detail-note = Territory note
detail-etapes = Steps
detail-overview = The network in charts
signalements-title = Technical reports · { $count } ({ $resolved } resolved)
chart-relation = Structures by relationship level
chart-typologies = Structures by type
chart-network = Who meets whom (shared meetings)
chart-network-empty = No meeting brings several structures together yet.
action-new-service = Service
action-edit-service = Edit a service
form-new-service = New service offered
form-edit-service = Edit service
field-type-service = Type of service
field-conditions = Access conditions
field-frais = Fees
picker-services = Services
status-no-services = This structure has no service yet: s to add one.
form-filter-reseau = Filter the directory
empty-reseau-filtered = No structure matches. Esc to see everything.

## Documentation
action-history = History
action-to-review = To review
action-all-fiches = All sheets
action-restore = Restore this version
context-history = A sheet's history
history-title = History — { $title }
history-diff = What this revision changed (- removed, + added)
history-diff-same = No change in the text (a final line break at most).
history-hint = Enter: see the changes · r: restore the text from before this revision
revision-restored = Restored the version from before the revision of { $date }
status-restored = Version restored; the replaced text stays in the history.
status-no-revisions = This sheet has no revision yet.
review-title = To review · { $count }
review-empty = No sheet to review: review dates are current and structures unchanged.
review-due = review { $days } days late
review-marked = marked "to review"
review-structure = a linked structure changed since it was verified
form-new-fiche = New sheet
form-edit-fiche = Edit sheet
field-titre = Title
field-type-fiche = Type of sheet
field-statut-fiche = Status
field-contenu = Content (Markdown)
field-sources = Sources
hint-sources = One source per line: title — https://address
field-structures-liees = Linked structures
field-revision-prevue = Review due
field-resume-revision = Summary of the change
err-url = Address not recognised: type it in full, https://example.org/page.
err-revision-summary = The text changed: sum up the change in a few words.
action-show-changes = Changes
err-md-needs-dir = The documentation's Markdown export writes a folder: give it with -o FOLDER.
docs-exported = { $count } sheets written to { $path }.
docs-imported = Documentation: { $created } created, { $updated } updated, { $unchanged } unchanged, { $conflicts } conflict(s), { $problems } unreadable file(s).
docs-bad-file = Skipped file { $file }: { $detail }
docs-issue-no-front = the file must start with a "---" line followed by the sheet's header
docs-issue-front-open = the header is not closed by a "---" line
docs-issue-bad-line = line { $line }: "key: value" expected
docs-issue-unknown-key = line { $line }: unknown key "{ $key }"
docs-issue-bad-date = { $key }: "{ $value }" is not a date (YYYY-MM-DD)
docs-issue-bad-id = id: "{ $value }" is not a Carnet id
docs-issue-bad-number = { $key }: "{ $value }" is not a number
docs-issue-no-title = the title is missing ("titre: …" line)
docs-issue-link = symbolic link, not followed: only files really inside the folder are read
docs-issue-not-regular = not a regular file (FIFO, device…), not read
docs-issue-too-large = over { $mib } MiB, not read: a sheet is far shorter
docs-issue-not-utf8 = the text is not UTF-8
docs-conflict = Conflict on "{ $title }": changed on both sides; your text stays, the other version is in the history (t).
revision-conflict = Imported version in conflict (changed on both sides)
revision-import = Imported update
action-import = Import a folder
form-import-folder = Read a folder of sheets (Markdown)
field-dossier = Folder
status-folder-failed = Folder unreadable: { $detail }.
undo-imported = sheet import
action-plan = Filing plan
action-move = Move
action-new-node = Section
action-rename-node = Rename
form-new-node = New section of the filing plan
form-rename-node = Rename the section
field-libelle = Title
picker-move-node = Put under…
plan-root = (at the top of the plan)
plan-title = Filing plan
plan-empty = The filing plan is empty: n to add a section.
plan-node-empty = No sheet filed here.
detail-node = Sheets in the section
col-fiches = Sheets
confirm-delete-node = Delete the section "{ $name }"? It is empty. (u to undo afterwards)
status-node-not-empty = Section not empty ({ $fiches } sheet(s), { $children } sub-section(s)): move its content first.
status-node-saved = Filing plan updated.
status-node-deleted = Section deleted (u to undo).
undo-plan = filing plan change
kind-plan = Filing plan (changes)
kind-profil = Profile
kind-exemples = Dossier Professionnel examples
action-back-to-fiches = Sheets
more-lines = { $count } line(s)
hint-note-privee = Never exported, never shown anywhere but in this record.

## Competences: coverage
action-coverage = Coverage
action-referentiel = Framework
coverage-aucune = none
coverage-amorcee = started
coverage-solide = solid
coverage-title = Coverage — gaps first
coverage-by-ccp = Per CCP (one cell per competence)
coverage-ccp-line = { $solid } solid, { $started } started, { $none } without evidence
coverage-legend = █ solid · ▒ started · · no evidence. { $rule } The bar counts principal evidence (full at { $solid }); "Links" counts all evidence.
coverage-rule = Started from { $started } piece(s) of evidence; solid from { $solid } principal piece(s).
detail-coverage = Coverage
col-state = State
col-bar = Evidence
col-links = Links

## Practice analyses
view-referentiel = Framework (référentiel)
view-couverture = Coverage
view-analyses = Practice analyses
action-new-analyse = Analysis
action-edit-profil = Edit profile
form-new-analyse = New practice analysis
form-edit-analyse = Edit practice analysis
field-situation = Situation
field-format-analyse = Format
field-interaction-liee = Linked interaction
field-ce-que-jai-fait = What I did
field-ressenti = How I felt
field-analyse-posture = Analysis of my stance
field-autrement = What I would do differently
field-retenu = What I take from it
hint-situation = What happened? Describe it without naming anyone.
hint-ce-que-jai-fait = Your actions, in order: what you said, offered, did.
hint-ressenti = What you felt at the time, and afterwards.
hint-analyse-posture = Neutrality, impartiality, limits of the role: what held, what did not?
hint-autrement = Looking back, what would you change?
hint-retenu = What you take with you for the next situations.
detail-analyse = Practice analysis
col-format = Format
col-situation = Situation

## Coverage annex (export)
annex-title = Competence coverage — { $referentiel } — on { $date }
annex-ccp = CCP
annex-competence = Competence
annex-libelle = Wording
annex-principales = Main evidence
annex-secondaires = Secondary evidence
annex-derniere = Latest evidence
annex-etat = State
annex-orphans = Evidence linked to competences the current référentiel lacks (kept)
annex-orphan-state = orphan

## Profile
view-profil = Profile
form-profil = Profile
detail-certification = Certification
field-role = Role
role-stagiaire = Trainee (training course)
role-salarie = Employee
role-vae = VAE (accreditation of prior experience)
field-employeur = Employer
field-service = Department
field-periode-debut = Period: from
field-periode-fin = Period: to
field-date-ecf = ECF
field-date-remise-dp = DP submission
field-date-jury = Jury
profil-referentiel = Framework
profil-periode = Period
profil-period = from { $from } to { $to }
profil-period-from = since { $from }
profil-period-to = until { $to }
profil-none = No profile yet.
profil-hint-new = n: create it (role, employer, period, dates of the ECF, the DP submission and the jury). The framework is chosen in config.toml.
profil-hint-edit = e: edit the profile. The framework is chosen in config.toml; your name is never stored.
profil-no-dates = No certification date: e to enter them.
countdown = { $days ->
    [0] { $what } today
    [1] { $what } tomorrow
   *[other] { $what } in { $days } days
}
countdown-past = past ({ $date })
countdown-in = { $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}

## Evidence of a competence
context-evidence = Evidence of a competence
action-strength = Main / secondary
action-open-record = Open
action-add-link = Link
action-unlink = Unlink
action-evidence = Evidence
picker-add-evidence = Link a record to this competence
strength-principale-short = [M]
strength-secondaire-short = [S]
evidence-no-justification = No justification: open the record (Enter) to write it.
status-link-added = Link added (secondary). u to undo.
status-link-removed = Link removed. u to undo.
status-link-strength = Link strength changed.
orphans-heading = Competences the current référentiel lacks
orphans-explain = Records are linked to these competences, which the configured référentiel does not contain (another référentiel, or a changed id). The links are kept; they count in no coverage.

## Dossier Professionnel
view-dossier = Dossier Professionnel
detail-exemple = Example of professional practice
col-exemple = Example
col-periode = Period
col-taille = Length
action-new-exemple = Example
picker-draft-sources = Draft from (Tab: tick, Enter: accept)
form-new-exemple = New example of professional practice
form-edit-exemple = Edit example
field-titre-exemple = Title
field-taches = Tasks and conditions
field-moyens = Means used
field-avec-qui = Who with
field-entreprise = Organisation
field-service-exemple = Department
field-du-exemple = Period: from
field-au-exemple = Period: to
field-infos = Further information
dp-rubrique-taches = Describe the tasks or operations you carried out, and under what conditions (« Décrivez les tâches… »):
dp-rubrique-moyens = State the means used (« Précisez les moyens utilisés »):
dp-rubrique-avec-qui = Who did you work with? (« Avec qui avez-vous travaillé ? »)
dp-rubrique-contexte = Context (« Contexte »)
dp-rubrique-infos = Further information (optional)
dp-entreprise = Company, organisation or association
dp-service = Site, workshop, department
dp-periode = Period
dp-example-heading = Example no. { $rang } ► { $titre }
dp-ccp-count = { $count ->
    [0] no example
    [one] 1 example
   *[other] { $count } examples
}
dp-no-example = no example
dp-too-many = more than 3 examples
dp-too-long = about { $pages } pages: an example fits in 3 pages at most.
dp-pages = { $pages ->
    [one] ≈ 1 page
   *[other] ≈ { $pages } pages
}
dp-hint = n: draft an example from interactions and meetings linked to this CCP (1 to 3 examples per CCP, 3 pages at most each).
action-accept-warning = Accept
picker-accept-warning = Accept this warning (the text stays as it is)
status-no-sharing-warning = Nothing to review in this example.
status-warning-accepted = Warning accepted. u to undo.
dp-sharing-heading = Before sharing
dp-sharing-none = Nothing seems to identify a person helped.
dp-sharing-hint = Rephrase (e), or accept one warning at a time (a) when it does not point at a person helped.
dp-pending = { $count ->
    [one] ⚠ 1 to review
   *[other] ⚠ { $count } to review
}

# Dossier Professionnel export (CLI)
err-dp-warnings = { $count ->
    [one] Export refused: one warning in the Dossier Professionnel is not accepted yet:
   *[other] Export refused: { $count } warnings in the Dossier Professionnel are not accepted yet:
}
err-dp-warnings-hint = Rephrase these passages (Compétences tab, Dossier Professionnel view, e), accept them one at a time (a), or run again with --accept-warnings if none of them points to a person helped.
err-docx-needs-file = The DOCX export writes a file: give it with -o FILE.docx.
err-xlsx-needs-file = The XLSX export writes a file: give it with -o FILE.xlsx.
err-xlsx = The workbook could not be written: { $detail }. Nothing was written.
err-docx = The DOCX file could not be built: { $detail }
warn-dp-no-presentation = Note: the « Présentation du dossier » page (fixed ministry text) is not included: copy that text from the official model into a file and name it in the configuration (presentation_dossier = "presentation.txt").
warn-dp-no-identity = Note: identity left blank on the cover (--nom, --nom-usage, --prenom, --adresse, --fait-a to fill it).
dp-ask-nom = Birth name (nom de naissance):
dp-ask-nom-usage = Usual name (nom d'usage, Enter if the same):
dp-ask-prenom = First name (prénom):
dp-ask-adresse = Address (adresse):
dp-ask-lieu = Signed at (fait à, Enter to leave blank):
warn-dp-ccp = Note: { $ccp }: { $note }

# Dossier Professionnel export (TUI)
action-export = Export (the Dossier Professionnel, Dossier view; on a follow-up: what the logbook holds)
action-export-short = Export
form-export-dossier = Export the Dossier Professionnel
field-nom-naissance = Birth name
field-nom-usage = Usual name
field-prenom = First name
field-adresse-candidat = Address
field-fait-a = Signed at
field-fichier = File
hint-nom-naissance = Not stored: used for this cover page only
hint-fait-a = Where you sign (dated today); empty: by hand
hint-fichier = Format from the extension: .docx, .html or .md
err-dp-extension = End the name with .docx, .html or .md.
status-dp-gate = { $count ->
    [one] Export blocked: one warning to review (a on the example marked ⚠).
   *[other] Export blocked: { $count } warnings to review (a on the ⚠ examples).
}
status-file-written = Written: { $path }
status-write-failed = File not written: { $detail }.
dp-export-hint = X: export the dossier (DOCX, HTML or Markdown) once every warning is reviewed.
dp-no-presentation = The « Présentation du dossier » page (fixed ministry text) is not supplied: copy it from the official model into a file named by presentation_dossier in the configuration; without it, exports leave it out.
dp-sources-heading = Drafted from
dp-source-gone = (record deleted since)
status-exemple-moved = Example moved to no. { $rang }.

# Files
io-not-found = no such file or folder
io-permission = permission denied
io-is-directory = it is a folder, not a file
io-not-directory = part of the path is not a folder
io-exists = this file already exists
io-full = the disk is full
io-read-only = the disk is read-only

# Command-line usage errors
usage-unknown-option = Unknown option: { $option }.
usage-unknown-command = Unknown command: { $command }.
usage-missing-value = { $option } needs a value.
usage-invalid-value = Value "{ $value }" refused for { $option }.
usage-missing-argument = Missing argument { $argument }.
usage-possible = Possible values: { $possible }.
usage-did-you-mean = Did you mean { $suggestion }?

# Command line (--help)
cli-usage = Usage:
cli-command-name = COMMAND
cli-help-flag = Print this help
cli-version-flag = Print the version
cli-default = default: { $value }
cli-possible = values: { $values }
cli-about = Carnet — the social mediator's logbook. Without a command: opens your logbook.
cli-demo = Generate the demo store (a fictional territory) and open it
cli-note = Log an interaction without opening the interface; prints its id
cli-export = Export the logbook (backup, journal, network, documentation, coverage, Dossier Professionnel)
cli-import = Load a JSON export into an empty store, or read a documentation folder (Markdown)
cli-restore = Restore a backup (sauvegardes/carnet-….json.gz) or a JSON export into an empty logbook
cli-arg-backup = Backup file (.json.gz) or JSON export
cli-doctor = Check the installation, the configuration and the store
cli-bench = Measure generation, size on disk, opening and memory on a generated store
cli-completions = Print a completion script for a shell (bash, zsh, fish, elvish, powershell)
cli-man = Print the manual page (roff), in the UI language
cli-arg-shell = The shell
cli-bench-open = Open a store and draw its first frame (the second half of bench)
cli-arg-data-dir = Store folder (default: $CARNET_DATA_DIR, else $XDG_DATA_HOME/carnet)
cli-arg-config = Configuration file (default: $CARNET_CONFIG, else $XDG_CONFIG_HOME/carnet/config.toml)
cli-arg-lang = Interface language
cli-arg-interactions = Number of interactions; the other records scale along
cli-arg-seed = Seed of the generator: the same seed gives the same store
cli-arg-generate-only = Generate, then exit without opening the interface
cli-arg-types = Interaction type, by id or label (repeatable); default: accueil_information
cli-arg-themes = Thématique, by id or label (repeatable): --theme logement or --theme Housing
cli-arg-canal = Canal, by id or label; default: the canal of the last interaction
cli-arg-duree = Duration in minutes (or 1h30)
cli-arg-date = Date: 29/11/2026, 29/11, hier, -2…; default: today
cli-arg-heure = Time: 14:05 or 14h05; default: now
cli-arg-personnes = Number of persons received (anonymous); default: 1
cli-arg-quiet = Print only the new interaction's id (for scripts)
cli-arg-modele = An interaction template, by name: its types, themes, channel, place, length and answers; the other options override it
cli-arg-vers = Structure of the network the person was oriented to (name or part of it)
cli-arg-yes = Without asking: save despite the guard (note), erase or anonymise without confirmation (suivi erase, retention)
cli-arg-text = The demande, in a few words
cli-arg-what = What to export: everything (json), the journal (csv), the network directory (csv), the contacts (vcard), the documentation (md, a folder), the coverage matrix (md, html, csv), the Dossier Professionnel (md, html, docx), the activity report (json, csv, md, html, xlsx)
cli-arg-format = File format
cli-arg-sep = CSV separator: "," ";" (French spreadsheets) or "tab"; default: separateur_csv in the configuration, else ","
cli-arg-output = File to write (standard output without it)
cli-arg-nom = Dossier Professionnel: birth name (never stored)
cli-arg-nom-usage = Dossier Professionnel: usual name, if different
cli-arg-prenom = Dossier Professionnel: first name
cli-arg-adresse = Dossier Professionnel: address
cli-arg-fait-a = Dossier Professionnel: where the déclaration sur l'honneur is signed (dated today)
cli-arg-modalite = Dossier Professionnel: modalité d'accès; default from the profile (stagiaire: formation, VAE: vae)
cli-arg-accept-warnings = Export the dossier even though "before sharing" warnings are still to review
cli-arg-path = JSON file, or folder of Markdown sheets
cli-arg-dir = Store folder to open
doctor-presentation = Présentation du dossier
doctor-presentation-given = supplied ({ $chars } characters)
doctor-presentation-missing = not supplied: Dossier Professionnel exports leave it out (presentation_dossier)
action-plan-short = Plan
cli-commands = Commands:
cli-arguments = Arguments:
cli-options-heading = Options:

## Safety events (CCP2.C10)
kind-evenements_securite = Safety events
view-securite = Safety events
form-new-securite = New safety event
form-edit-securite = Edit safety event
detail-securite = Safety event
field-type-evenement = Type of event
field-deroule = What happened (no name, nothing identifying)
field-actions-securite = Actions taken
field-cadre-legal = Legal frame used
field-retour-experience = Lessons learnt
field-interactions-liees = Related interactions
col-actions = Actions
action-cadre-legal = Legal frame, emergencies
cadre-legal-title = Legal frame — duties and emergency numbers
cadre-legal-devoirs = Duties
cadre-legal-numeros = Emergency numbers

compact-done = Logbook rebuilt: { $before } MB → { $after } MB in { $seconds } s. Nothing that was removed remains in its files.
err-no-suivi = No follow-up has the code “{ $code }” (a code looks like P-2026-017).
err-needs-yes = This command asks for confirmation: run it in a terminal, or add --yes.
confirm-yes-no = [y/N]
erase-preview = Follow-up { $code }: { $interactions } interaction(s) and the code will be erased from the logbook and the backups.
erase-preview-linked = { $linked } other writing(s) (analyses, events, examples) will lose their link to them: read them again to check they do not identify the person.
erase-confirm = Erase for good?
erase-cancelled = Nothing was changed.
warn-backup-unreadable = Unreadable backup, left as it is (delete it yourself if it concerns the person): { $path }
erase-done = Erased: { $interactions } interaction(s) and the follow-up code; { $backups } backup(s) rewritten. The logbook was rebuilt: nothing of it remains in its files.
warn-audit-log = The privacy log could not be written ({ $path }: { $detail }); the operation itself is done.
retention-period = Retention: { $months } months after the last contact, that is contacts before { $cutoff }.
retention-nothing = Nothing to anonymise.
retention-suivis = { $year }: { $count } follow-up code(s) to remove
retention-interactions = { $year }: { $count } interaction(s) whose free text will be erased
retention-how = To anonymise: carnet retention --apply (a backup is made first). Dates, durations, types, themes, channels, places, responses, referrals and anonymous attributes stay, for reports.
retention-confirm = Anonymise now?
retention-backup = Backup made first: { $path }
retention-done = Anonymised: { $suivis } follow-up code(s) removed, { $interactions } interaction(s) without free text. The logbook was rebuilt.
access-title = What Carnet holds about follow-up { $code }
access-intro = Extracted on { $date } for a right-of-access request (GDPR article 15). Every note is included, private notes too.
access-suivi = The follow-up
access-interactions = Interactions ({ $count })
access-mentions = Other writings that refer to it
access-line = - { $label }: { $value }
cli-suivi = What Carnet holds about a follow-up code: export it (right of access) or erase it (right to erasure)
cli-suivi-export = Write everything Carnet holds about a follow-up code, as Markdown or JSON
cli-suivi-erase = Erase every record of a follow-up code, in the logbook and in the backups
cli-retention = Anonymise what is past the retention period (without --apply: only show what would change)
cli-compact = Rebuild the logbook from its records, so that nothing removed remains in its files
cli-arg-code = Follow-up code (for example P-2026-017)
cli-arg-apply = Anonymise, after a backup
doctor-audit = Privacy
doctor-audit-none = no erasure or anonymisation so far
doctor-audit-value = { $count } operation(s), the last: { $last } ({ $path })
doctor-retention = Retention
doctor-retention-value = { $months } months after the last contact; { $due } record(s) to anonymise (carnet retention)

rebuild-in-progress = Erasing for good: rebuilding the logbook (a few seconds)…
confirm-retention = { $suivis } follow-up code(s) and { $interactions } interaction(s) are past the retention period ({ $months } months after the last contact). Anonymise them now? A backup is made first; the statistics stay. (Esc: later)
status-anonymised = Anonymised: { $suivis } follow-up code(s), { $interactions } interaction(s). The logbook will be rebuilt when you quit.
confirm-erase-suivi = Erase follow-up { $code } and its { $interactions } interaction(s) for good, from the logbook and the backups? { $linked } other writing(s) will lose their link. This cannot be undone.
status-erased = Follow-up erased ({ $interactions } interaction(s)), backups included. The logbook will be rebuilt when you quit.
status-timeline-first = Open a person's follow-up first (t on one of their interactions).
form-suivi-export = What the logbook holds about this follow-up (right of access)
action-erase = Erase this follow-up (right to erasure)
action-erase-short = Erase
field-fichier-acces = File
hint-fichier-acces = A page (.md) or the data (.json), by extension
err-no-room = Not enough room in { $path } to rebuild the logbook: about { $needed } MB needed, { $available } MB free. Nothing was changed; free some space and run it again.
err-unreadable-records = { $count } record(s) of the logbook cannot be read (see carnet doctor): rebuilding would lose them, so it was not done. Nothing was changed.
action-save-anyway = Save anyway
action-back-to-form = Back to the form
err-note-suivi = “{ $value }” is neither a follow-up code of the logbook nor a new code of the right shape (a letter, the year, a number: P-2026-017).
cli-arg-suivi = The person's follow-up code: one of the logbook, or a new one (P-2026-017), created with the note
bench-guard = Guard, an interaction's texts
bench-rebuild = Rebuild (carnet compact)
doctor-rebuild = Rebuild
doctor-rebuild-due = pending: removed records remain in the logbook's files until the interface next closes, or carnet compact
ask-passphrase = Logbook passphrase:
ask-new-passphrase = New passphrase:
ask-new-passphrase-again = The same, once more:
err-passphrase-needed = This logbook is encrypted: its passphrase is needed (type it in a terminal, or give it in CARNET_PASSPHRASE).
err-wrong-passphrase = Wrong passphrase: the logbook was not opened, nothing was changed.
err-backup-wrong-passphrase = Wrong passphrase for this encrypted backup: nothing was restored or changed.
err-backup-passphrase-needed = This backup is encrypted: its passphrase is needed (type it in a terminal, or give it in CARNET_PASSPHRASE).
err-import-sealed = { $path } is an encrypted backup: restore it with "carnet restore { $path }", which asks for its passphrase.
err-passphrase-mismatch = The two passphrases differ: nothing was changed.
err-passphrase-short = Passphrase too short: at least { $min } characters (several words, easy to remember, hard to guess).
encrypt-done = Logbook encrypted in { $seconds } s; { $backups } backup(s) encrypted. Every command will now ask for the passphrase: without it, the data is lost.
decrypt-already = This logbook is not encrypted.
decrypt-done = Logbook decrypted; { $backups } backup(s) rewritten in plain.
cli-encrypt = Encrypt the logbook and its backups with a passphrase (or change the passphrase)
cli-decrypt = Store the logbook and its backups in plain again
doctor-encryption = Encryption
doctor-encrypted = yes: values and backups encrypted (XChaCha20-Poly1305, key derived by Argon2id)
doctor-plain = no (carnet encrypt encrypts the logbook and its backups)

# Interaction templates
kind-modeles = Interaction templates
view-modeles = Interaction templates
detail-modele = Template
detail-modele-how = Ctrl-T in an interaction's form applies it, and carnet note --modele "name" on the command line.
form-new-modele = New interaction template
form-edit-modele = Edit template
field-nom-modele = Template name
col-canal = Channel
action-modele = Template
action-save-as-modele = Save as template
picker-modele = Interaction template
picker-modele-empty = No template yet: in the Journal, M on an interaction makes one.
status-modele-saved = Template saved: Ctrl-T in an interaction's form applies it.
status-modele-applied = Template "{ $name }" applied: the request is yours.
status-modele-interaction-only = A template fills an interaction's form: open one (n in the Journal).
err-name-taken = This name is already taken: choose another one.
err-note-modele = No template is called "{ $value }". Templates: { $names }.
none-yet = none yet

# Help: keys of a text field
help-text-title = In a text field
help-text-words = previous word, next word
help-text-delete-word = delete the previous word
help-text-delete-line = delete to the start, to the end
help-text-undo = undo, redo
help-text-newline = new line (multi-line field)
help-text-rows = previous, next displayed row (then the next field)
help-text-row-ends = start, end of the displayed row
help-text-ends = start, end of the text
help-text-pages = previous, next window (multi-line field)

# To follow up: later
kind-relances_reportees = Follow-ups put off
action-later = Later
picker-put-off = Follow up "{ $name }" later
put-off-choice = In { $days } days (until { $date })
status-put-off = "{ $name }": follow-up put off until { $date }.
undo-put-off = follow-up put off
relance-title-held = To follow up · { $count } · { $held } put off
doctor-served-by = open in the interface of { $user } on { $host } (pid { $pid }), which serves this command
status-written-elsewhere = { $count ->
    [one] One interaction added from another terminal.
   *[other] { $count } interactions added from another terminal.
}

# Commands served by the open interface
err-remote-not-taken = The logbook is open in an interface that does not answer (an external editor is open, or it is stopped): try again in a moment, or close it.
err-remote-broken = The link with the open interface broke ({ $detail }): check in the interface whether the command was done before running it again.
err-remote-not-served = This command waits for the open interface to be closed.
err-remote-other-carnet = The open interface serves another logbook than the one asked for.
locked-since = {" "}since { $date } at { $time }
bench-served-trip = Note served (interface open)
bench-served-frame = Served note: interface frame

# Bilan
bilan-title = Report from { $du } to { $au }
bilan-totaux = Totals
bilan-total = Total of the period
bilan-regles = Counting rules
bilan-interactions = Interactions
bilan-personnes = Persons
bilan-suivis = Persons followed (distinct)
bilan-temps = Time spent
bilan-premiers-contacts = First contacts
bilan-connues = Persons already known
bilan-suites-faites = Follow-ups done
bilan-suites-retard = Follow-ups overdue
bilan-signalements = Technical reports
bilan-signalements-resolus = Reports resolved
bilan-delai-resolution = Median days to resolution
bilan-fiches-creees = Sheets created
bilan-fiches-revisees = Sheet revisions
bilan-evenements-securite = Safety events
bilan-signalements-pair = Reports / resolved
bilan-fiches-pair = Sheets created / revised
bilan-days = { $count } d
bilan-col-dimension = Dimension
bilan-col-valeur = Value
bilan-col-libelle = Label
bilan-col-interactions = Interactions
bilan-col-personnes = Persons
bilan-col-minutes = Minutes
bilan-chart-failed = (chart not drawn: { $detail })
bilan-col-debut = From
bilan-sheet-synthese = Summary
bilan-minutes-total = Time spent (minutes)
bilan-dim-total = total
bilan-dim-types = Interaction types
bilan-dim-registres = Areas of intervention
bilan-dim-thematiques = Themes
bilan-dim-canaux = Channel
bilan-dim-lieux = Place
bilan-dim-quartiers = District
bilan-dim-tranches_age = Age group
bilan-dim-genres = Gender
bilan-dim-statuts = Status
bilan-dim-residences = Residence
bilan-dim-reponses = Response
bilan-dim-autonomie = Autonomy at the end
bilan-dim-durees = Length of interactions
bilan-dim-orientations_typologie = Referrals by partner type
bilan-dim-orientations_structure = Referrals by organisation
bilan-dim-issues_orientation = Referral outcomes
bilan-dim-rencontres = Network meetings by type
bilan-dim-veille = Watch by source
bilan-dim-signalements = Technical reports by category
bilan-dim-signalements_statut = Technical reports by status
bilan-duree-moins_30 = under 30 min
bilan-duree-30_60 = 30 min to 1 h
bilan-duree-60_120 = 1 h to 2 h
bilan-duree-120_plus = 2 h and more
bilan-issue-inconnue = Outcome unknown
bilan-rule-multi = An interaction counts once in each of its values (two types: in both); a table's lines can add up to more than the total.
bilan-rule-persons = Persons: an anonymous interaction counts its number of persons; a person followed counts once in the period (and once per line), however many times they came.
bilan-rule-time = Time is the interactions' length, in minutes; network meetings apart.
bilan-rule-period = A period runs from its first to its last day, both included.
bilan-rule-small = In a table, a number of persons under { $threshold } shows as "< { $threshold }", so that nobody can be recognised; totals are exact.
cli-arg-du = Report: first day (29/11/2026, 1/11, -30…)
cli-arg-au = Report: last day, included (default: today)
cli-arg-par = Report without dates: this week, month (default), quarter or year; with --du/--au: the activity per week, month, quarter or year (semaine, mois, trimestre, annee)
bench-bilan = A year's report
bench-bilan-tab = Report tab, a year (+ 2 comparisons)
bench-bilan-xlsx = A year's XLSX workbook
kind-bilans = Activity reports
form-new-bilan = New report
form-edit-bilan = Edit report
field-destinataire-bilan = Handed to
field-faits-marquants = Highlights
field-difficultes = Difficulties
field-perspectives = Outlook
field-remis-le = Handed in on
field-titre-bilan = Title
hint-titre-bilan = Optional: without a title, the dates name the report.
hint-destinataire-bilan = The hierarchy, a funder, the steering committee…
hint-faits-marquants = What stood out in the period: new actions, trends, successes. Name nobody; the figures come from the logbook.
hint-difficultes = What held things back: delays, partners, means.
hint-perspectives = What you propose for the next period.
hint-remis-le = Empty while it is a draft.
err-period-order = The period ends before it starts.
err-handed-before-period = A report is handed in after its period starts.
bilan-written = Written report
bilan-written-none = No written report for this period: n to write one (the figures are added by themselves).
bilan-written-draft = draft
bilan-written-handed = handed in on { $date }
bilan-written-more = { $count ->
    [one] another report covers part of the period
   *[other] { $count } other reports cover part of the period
}
action-new-bilan = Write the report
action-new-bilan-short = Write
form-export-bilan = Export the period's report
field-fichier-bilan = File
hint-fichier-bilan = Format by extension: .xlsx (spreadsheet), .html (to print), .md, .csv or .json
err-bilan-extension = End the name with .xlsx, .html, .md, .csv or .json.
form-bilan-range = Report period
action-bilan-range = Dates
bilan-behind = { $dimension }: { $value }
action-bilan-open = Interactions counted
action-bilan-open-short = Show
status-bilan-records-in-detail = These are not interactions: the detail below lists the records counted (J and K scroll it).
action-prev-period = Previous period
action-prev-period-short = Prev.
action-next-period = Next period
action-next-period-short = Next
action-cycle-period = Week, month, quarter, year
action-cycle-period-short = Period
bilan-period-semaine = week of { $du }
bilan-period-mois = { $mois } { $annee }
bilan-period-trimestre = Q{ $trimestre } { $annee }
bilan-period-annee = year { $annee }
bilan-period-libre = { $du } to { $au }
bilan-col-nombre = Count
bilan-col-temps = Time
bilan-col-part = Share
bilan-compare-periode = Period
bilan-compare-precedente = Previous
bilan-compare-an = A year before
bilan-personnes-suivis = Persons (of whom followed)
bilan-contacts = First contacts / known
bilan-suites = Follow-ups done / overdue
bilan-activite-semaine = Interactions per week
bilan-activite-mois = Interactions per month
bilan-activite-trimestre = Interactions per quarter
bilan-activite-annee = Interactions per year
bilan-activite-libre = Interactions
bilan-line-share = { $share } % of interactions
bilan-heading-values = { $count ->
    [one] one value
   *[other] { $count } values
}
bilan-empty = Nothing recorded in this period.
bilan-empty-hint = ← and → change the period, P goes from week to month, quarter, year, f takes any two dates.
detail-bilan = Totals and activity
