# Carnet — messages en français (langue par défaut).

## Onglets et écran
tab-journal = Journal
tab-reseau = Réseau
tab-documentation = Documentation
tab-competences = Compétences
tab-bilan = Bilan
loading = Chargement du carnet…
demo-badge = DÉMO
status-decode-failures = ⚠ { $count ->
    [one] 1 enregistrement illisible
   *[other] { $count } enregistrements illisibles
  } (carnet doctor)
too-small = Fenêtre trop petite ({ $current_width }×{ $current_height }). Agrandissez le terminal à au moins { $width } colonnes sur { $height } lignes ; d’ici là, les touches sont ignorées ({ $quit } quitte).
help-title = Aide — touches
help-config = Les touches se changent dans la section [keys] du fichier de configuration (voir README).

## Actions (aide et pied de page)
action-quit = Quitter
action-help = Aide
action-next-tab = Onglet suivant
action-prev-tab = Onglet précédent
action-tab-journal = Journal
action-tab-reseau = Réseau
action-tab-documentation = Documentation
action-tab-competences = Compétences
action-tab-bilan = Bilan
action-down = Suivant
action-up = Précédent
action-page-down = Page suivante
action-page-up = Page précédente
action-first = Premier
action-last = Dernier
action-detail-down = Détail ↓
action-detail-up = Détail ↑
action-close = Fermer

context-global = Partout
context-list = Listes
context-help = Aide

## Jours
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mer.
weekday-4 = jeu.
weekday-5 = ven.
weekday-6 = sam.
weekday-7 = dim.
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## États vides
empty-journal = Aucune interaction pour l'instant.
empty-reseau = Aucune structure dans le réseau pour l'instant.
empty-documentation = Aucune fiche pour l'instant.
empty-competences = Le référentiel ne contient aucune compétence.
empty-first-steps = Premiers pas
empty-step-profil = 1. Votre profil : onglet 4 Compétences, w → Profil, puis e (rôle, employeur, dates).
empty-step-reseau = 2. Vos premiers partenaires : onglet 2 Réseau, n (une structure), c (un contact).
empty-step-interaction = 3. Votre première interaction : n ici, un type, quelques mots, Ctrl-S.
empty-start-demo = Pour découvrir Carnet sur un territoire fictif : carnet demo
empty-start-import = Pour reprendre un export JSON : carnet import FICHIER.json

## Colonnes
col-day = Jour
col-time = Heure
col-duration = Durée
col-types = Types
col-themes = Thématiques
col-demande = Demande
col-name = Nom
col-typologies = Typologies
col-quartier = Quartier
col-relation = Relation
col-last-contact = Contact
col-classement = Classement
col-titre = Titre
col-type = Type
col-statut = Statut
col-revision = Révision
col-competence = Compétence
col-principale = Princ.
col-secondaire = Sec.
col-latest = Dernière

## Détails
detail-interaction = Interaction
detail-structure = Structure
detail-fiche = Fiche
detail-competence = Compétence
detail-evidence = Preuves de compétences
detail-services = Services proposés
detail-contacts = Contacts
detail-sources = Sources
detail-contenu = Contenu
detail-observables = Observables (repères Carnet, non officiels)
detail-criteres = Critères officiels
detail-linked-records = Enregistrements liés ({ $count })
no-evidence = Aucune preuve pour l'instant.
no-contacts = Aucun contact enregistré.
more-records = … et { $count } de plus.
ccp-summary = { $competences } compétences, { $links ->
    [0] aucune preuve
    [one] 1 preuve
   *[other] { $links } preuves
  }.
competence-orphan = compétence absente du référentiel actuel
strength-principale = principale
strength-secondaire = secondaire
persons-suivi = Suivi { $code }
persons-suivi-missing = Suivi introuvable
persons-count = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
  }
contact-inactive = inactif
suite-done = faite
never = jamais
yes = oui
no = non

## Champs
field-types = Types
field-canal = Canal
field-lieu = Lieu
field-personnes = Personnes
field-premier-contact = Premier contact
field-thematiques = Thématiques
field-demande = Demande exprimée
field-besoin = Besoin analysé
field-reponses = Réponse
field-orientation = Orientation
field-autonomie = Autonomie
field-suite = Suite
field-note-pro = Note professionnelle
field-note-privee = Note privée
field-typologies = Typologies
field-relation = Niveau de relation
field-last-contact = Dernier contact
field-verified = Vérifiée le
field-adresse = Adresse
field-quartier = Quartier
field-telephone = Téléphone
field-courriel = Courriel
field-site = Site
field-horaires = Horaires
field-publics = Publics
field-notes = Notes
field-classement = Classement
field-type = Type
field-statut = Statut
field-revision = Révision prévue
field-revisions = Révisions
field-structures = Structures liées

## Types d'enregistrements
kind-interactions = Interactions
kind-suivis = Suivis
kind-structures = Structures
kind-contacts = Contacts
kind-rencontres = Rencontres réseau
kind-veille = Veille
kind-fiches = Fiches
kind-analyses = Analyses de pratique

## Validation
err-required = Champ obligatoire.
err-duration-range = La durée doit être comprise entre 1 minute et 24 heures.
err-persons-zero = Indiquez au moins une personne.
err-suivi-code = Code de suivi attendu sous la forme P-2026-017.

## Ligne de commande
err-usage = Commande incorrecte. Voir « carnet --help ».
err-clock = CARNET_TODAY « { $value } » : date non reconnue. Écrivez 2026-11-27 ou 2026-11-27T10:30, ou retirez cette variable pour suivre l'horloge du système.
err-config = Configuration { $file } : { $detail }. Corrigez le fichier ou lancez Carnet avec --config pour en choisir un autre.
err-config-line = Configuration { $file }, ligne { $line } : { $detail }. Corrigez cette ligne puis relancez Carnet.
config-not-found = fichier introuvable
config-permission = lecture refusée (droits du fichier)
config-not-utf8 = le fichier n'est pas du texte UTF-8
config-is-dir = c'est un dossier, pas un fichier
config-unreadable = le fichier ne peut pas être lu
config-unknown-setting = réglage inconnu « { $name } » (faute de frappe ? le README liste les réglages, section Configuration)
config-wrong-type = { $key } attend { $expected }
config-expected-count = un nombre entier positif, sans guillemets
config-expected-text = un texte entre guillemets
config-expected-bool = true ou false
config-expected-list = une liste entre crochets [ … ]
config-unknown-value = { $key } = « { $value } » : les valeurs possibles sont { $expected }
config-syntax = syntaxe TOML invalide ({ $detail })
config-lang = lang = « { $value } » : les valeurs possibles sont « fr » et « en »
config-retention = conservation_mois = { $months } : de 1 à { $max } (ce qui concerne une personne est gardé au plus { $max } mois après le dernier contact ; la durée peut être raccourcie, jamais allongée)
config-csv-separator = separateur_csv = « { $value } » : les valeurs possibles sont ",", ";" (tableurs en français) et "tab"
config-bad-key = touche inconnue « { $key } » (exemples : "q", "Ctrl-s", "Shift-Tab", "PageDown", "F2")
config-key-conflict = la touche { $key } sert à la fois à « { $first } » et à « { $second } » dans [keys.{ $context }]
config-vocab-duplicate = vocabulaires.{ $list } : l'identifiant « { $id } » apparaît deux fois
config-vocab-parent = vocabulaires.plan_classement : « { $id } » a un parent inconnu, « { $parent } »
config-vocab-empty = vocabulaires.{ $list } est vide
config-ref-no-ccp = aucun [[ccp]] : un référentiel a au moins un CCP
config-ref-empty-ccp = { $id } n'a aucune [[ccp.competences]]
config-ref-duplicate = l'identifiant « { $id } » est utilisé deux fois
err-locked = Le carnet est déjà ouvert par { $user } sur { $host } (pid { $pid }){ $since }. Fermez l'autre session avant de l'ouvrir ici ; carnet note, export, suivi export et doctor passent par elle.
err-newer-schema = Le carnet { $path } a été écrit par une version plus récente de Carnet (schéma { $found }, celle-ci lit jusqu'au schéma { $supported }). Mettez Carnet à jour ; le carnet n'a pas été modifié.
err-bad-schema = Le fichier { $path } devrait contenir le numéro de version du carnet et n'en contient pas. Carnet n'a rien modifié. Remettez-y le numéro (ce Carnet lit jusqu'au schéma { $supported }), ou supprimez ce fichier pour que Carnet le reconstitue à partir du carnet.
store-recovered = Une ouverture interrompue (arrêt brutal, disque plein) avait laissé un instantané inachevé ({ $files }) qui empêchait d'ouvrir le carnet : il a été mis de côté dans le dossier « recuperation » et le carnet s'ouvre normalement.
warn-backup-failed = La sauvegarde du jour n'a pas pu être écrite ({ $detail }). Vos enregistrements sont dans le carnet ; libérez de la place ou vérifiez le dossier, elle sera retentée à la prochaine fermeture.
confirm-resume-draft = Un formulaire n'était pas enregistré quand Carnet a été arrêté le { $date } à { $time }. Le reprendre ?
err-disk-full = Le disque du carnet est plein (ou en lecture seule) : rien n'a été enregistré. Libérez de la place puis recommencez ; « carnet export » et « carnet doctor » fonctionnent en attendant.
status-recovered = Carnet réparé : un instantané inachevé a été mis de côté (carnet doctor).
backup-in-progress = Sauvegarde du jour dans sauvegardes/ (quelques secondes)…
err-not-empty = Le carnet { $path } contient déjà des enregistrements : l'import se fait dans un carnet vide. Choisissez un autre dossier avec --data-dir.
err-not-demo = Le dossier { $path } contient un carnet réel : la démo ne l'écrase pas. Choisissez un autre dossier avec --data-dir.
err-store = Erreur du carnet : { $detail }.
err-io = Impossible d'utiliser { $path } : { $detail }.
err-import = Import impossible depuis { $path } : { $detail }.
err-import-not-regular = ce n'est pas un fichier ordinaire (tube, périphérique, dossier…)
err-import-too-large = le fichier dépasse 2 Gio, ce n'est pas un export de Carnet
err-import-not-utf8 = le texte n'est pas encodé en UTF-8
err-import-gzip = le fichier compressé est illisible ({ $detail })
err-json-not-carnet = ce n'est pas un export de Carnet (format « { $format } »)
err-json-newer = export de version { $version }, plus récente que ce que lit ce Carnet ({ $supported }) : mettez Carnet à jour
err-import-csv = un fichier CSV ne s'importe pas (il sert aux tableurs) ; Carnet importe un export JSON (carnet export -o carnet.json), une sauvegarde (sauvegardes/carnet-….json.gz) ou un dossier de fiches Markdown
err-import-markdown = une fiche Markdown seule ne s'importe pas ; importez le dossier qui la contient (carnet import fiches/)
err-import-not-json = ce n'est pas un export JSON de Carnet ; Carnet importe un export JSON (carnet export -o carnet.json), une sauvegarde (sauvegardes/carnet-….json.gz) ou un dossier de fiches Markdown
err-json-syntax = ligne { $line }, colonne { $column } : { $detail }
err-import-invalid = Import refusé depuis { $path } : { $count } valeur(s) ne respectent pas les règles de saisie de Carnet. Rien n'a été écrit ; corrigez le fichier puis relancez l'import.
err-import-too-long = texte de { $chars } caractères, au-delà des { $max } qu'accepte un formulaire
err-import-duplicate-id = un autre enregistrement du même type porte déjà cet identifiant
err-import-impossible-id = identifiant impossible (zéro, ou daté après l'an 9999)
err-import-more = … et { $count } autre(s).
err-terminal = Erreur du terminal : { $detail }.
err-no-terminal = Carnet s'affiche dans un terminal : lancez-le depuis un terminal interactif. Sans terminal, utilisez « carnet export » ou « carnet doctor ».
warn-decode-failures = Attention : { $count } enregistrement(s) illisible(s) ignoré(s) ; « carnet doctor » les liste.
import-done = { $count } enregistrements importés dans { $path }.
demo-generated = Démo générée : { $count } interactions en { $seconds } s dans { $path }.

## Diagnostic (doctor)
doctor-data-dir = Dossier du carnet
doctor-demo-dir = Dossier de la démo
doctor-config = Fichier de configuration
doctor-config-none = aucun (valeurs par défaut)
doctor-lang = Langue
doctor-referentiel = Référentiel
doctor-term = TERM
doctor-colorterm = COLORTERM
doctor-theme = Thème
doctor-theme-mono = monochrome
doctor-theme-color = couleurs
doctor-no-color = NO_COLOR
doctor-store = Carnet
doctor-store-missing = pas encore créé (il le sera au premier lancement)
doctor-lock = Verrou
doctor-locked-by = ouvert par { $user } sur { $host } (pid { $pid }) ; le contenu n'est pas lu pendant ce temps
doctor-unlocked = libre
doctor-foreign = Autres fichiers
doctor-foreign-value = { $count } élément(s) qui ne sont pas à Carnet dans le dossier du carnet : { $names }. Carnet n'y touche pas ; rangez-les ailleurs, car ce dossier contient des données personnelles.
doctor-unhealthy = Le carnet ne s'ouvre pas : voir le rapport ci-dessus.
doctor-cannot-open = Rien n'a été modifié. Que faire : ne supprimez rien dans { $path } ; ouvrez la sauvegarde la plus récente dans un dossier vide (carnet --data-dir NOUVEAU_DOSSIER restore { $path }/sauvegardes/FICHIER), vérifiez-la, puis gardez l'ancien dossier de côté pour l'assistance.
doctor-recovered = Réparation
doctor-set-aside = Mis de côté
doctor-set-aside-value = { $count } fichier(s) inachevé(s) écarté(s) lors d'une réparation, dans { $path } ; le carnet n'en a pas besoin, vous pouvez les supprimer.
doctor-backups = Sauvegardes
doctor-backups-none = aucune pour l'instant (une par jour en quittant l'interface, et avant chaque import de fiches)
doctor-backups-off = désactivées (sauvegardes_quotidiennes et sauvegardes_hebdomadaires à 0)
doctor-backups-value = { $count }, la plus récente le { $date } (il y a { $days } jour(s)), dans { $path } ; restaurer : carnet --data-dir DOSSIER_VIDE restore FICHIER
warn-read-only = Le disque du carnet est plein ou en lecture seule : le carnet est lu depuis une copie temporaire, sans rien y écrire. Libérez de la place pour pouvoir de nouveau enregistrer.
doctor-read-only = Disque
doctor-schema = Schéma
doctor-schema-value = { $version } (cette version lit jusqu'au { $supported }), créé par { $by }
doctor-size = Taille sur disque
doctor-demo = Démo
doctor-demo-seed = oui (graine { $seed })
doctor-counts = Enregistrements :
doctor-no-decode-failures = Tous les enregistrements se lisent correctement.
doctor-decode-failures = { $count } enregistrement(s) illisible(s) (arbre / clé) :
doctor-no-unknown-ids = Tous les identifiants de vocabulaire sont connus de la configuration.
doctor-unknown-ids = { $count } identifiant(s) inconnu(s) de la configuration actuelle (conservés, affichés tels quels) :

## Mesures (bench)
bench-title = Carnet généré : { $count } interactions ({ $records } enregistrements en tout)
bench-generate = Génération en mémoire
bench-write = Écriture dans le carnet
bench-size = Taille sur disque
bench-open = Ouverture du carnet
bench-load = Tout chargé et affiché (depuis le lancement)
bench-first-frame = Lignes du Journal à l'écran (depuis le lancement)
bench-rss = Mémoire maximale (ouverture)
bench-rss-session = Mémoire maximale (fin de la séance mesurée)

## Saisie : dates, heures, durées
err-date-format = Date non reconnue : écrivez 29/11/2026, 29/11, aujourd'hui, hier ou -2.
err-date-impossible = Cette date n'existe pas.
err-date-future = Cette date est à venir : un changement déjà survenu se date d'aujourd'hui au plus tard.
err-status-before-signalement = Le changement ne peut pas précéder le signalement lui-même.
field-date-statut = Statut changé le
hint-date-statut = Vide : aujourd'hui. Pour un changement noté après coup : 20/11, hier, -3…
err-time-format = Heure non reconnue : écrivez 14h30 ou 14:30.
err-duration-format = Durée non reconnue : écrivez 30, 45 min ou 1h30.

## Garde-fou du texte libre
guard-reminder = Écrivez comme si la personne allait lire cette note.
guard-nir = ressemble à un numéro de sécurité sociale
guard-iban = ressemble à un IBAN
guard-phone = ressemble à un numéro de téléphone
guard-email = ressemble à une adresse électronique
guard-name = ressemble au nom d'une personne
guard-health = donnée de santé
guard-religion = conviction religieuse
guard-address = ressemble à une adresse postale
guard-birth = date ou lieu de naissance
guard-identifier = ressemble à un numéro ou code attribué à la personne
guard-sexual-life = vie sexuelle ou orientation sexuelle
guard-origin = origine ethnique ou raciale
guard-opinion = opinion politique ou appartenance syndicale
guard-judicial = infraction, condamnation ou procédure judiciaire
guard-secret = mot de passe ou identifiant
guard-suivi = code de suivi : à retirer de ce qui sera lu par d'autres

## Export CSV du journal
csv-id = Identifiant
csv-date = Date
csv-heure = Heure
csv-duree = Durée (min)
csv-types = Types
csv-canal = Canal
csv-lieu = Lieu
csv-quartier = Quartier
csv-personnes = Nombre de personnes
csv-suivi = Code de suivi
csv-tranches-age = Tranches d'âge
csv-genres = Genres
csv-statuts = Statuts
csv-residences = Résidence
csv-thematiques = Thématiques
csv-demande = Demande exprimée
csv-besoin = Besoin analysé
csv-reponses = Réponse
csv-orientation = Orientation vers
csv-orientation-issue = Issue de l'orientation
csv-autonomie = Autonomie
csv-premier-contact = Premier contact
csv-suites = Suites
csv-note-pro = Note professionnelle
csv-competences = Compétences

## carnet note
err-export-combination = Exports possibles : --what all --format json (tout le carnet), --what journal --format csv, --what reseau --format csv (l'annuaire), --what contacts --format vcard, --what documentation --format md -o DOSSIER, --what couverture --format md, html ou csv (la matrice de couverture), --what dossier --format md, html ou docx (le Dossier Professionnel), ou --what bilan --format json, csv, md, html ou xlsx (le bilan d'activité).
note-saved = Interaction notée ({ $id }).
err-note-id = { $flag } { $value } : identifiant inconnu. Valeurs possibles : { $valid }.
err-note-value = { $flag } « { $value } » : { $detail }
err-note-structure-none = --vers « { $value } » : aucune structure du réseau ne porte ce nom.
err-note-structure-many = --vers « { $value } » désigne plusieurs structures : { $names }. Précisez le nom.
err-note-guard = Le texte contient peut-être des informations identifiantes ou sensibles :
  { $list }
  Écrivez comme si la personne allait lire cette note. Reformulez, ou ajoutez --yes pour enregistrer quand même.

## Journal : saisie, recherche, filtres, à faire
action-new = Nouvelle
action-edit = Modifier
action-delete = Supprimer
action-undo = Annuler
action-duplicate = Dupliquer
action-search = Chercher
action-filter = Filtres
action-todo = À faire
action-clear-filter = Tout revoir
action-mark-done = Fait
action-timeline = Suivi de la personne
action-next-field = Suivant
action-prev-field = Précédent
action-save = Enregistrer
action-cancel = Annuler
action-same-as-last = Comme la dernière fois
status-same-as-last = Repris de sa dernière interaction ({ $date }) : types, thématiques, demande, durée, canal, lieu, besoin et réponse. Date, notes et suites restent celles-ci.
status-rencontre-with = Nouvelle rencontre avec « { $name } » (champ « Structures rencontrées »).
status-same-as-last-offer = { $key } : comme la dernière fois (reprend sa dernière interaction).
status-same-as-last-needs-suivi = « Comme la dernière fois » reprend la dernière interaction d'un suivi : choisissez d'abord son code (Ctrl-G cod).
status-same-as-last-none = Ce suivi n'a pas encore d'autre interaction.
action-go-to-field = Aller à
picker-go-to-field = Aller au champ
editor-opening = Ouverture de { $editor }… Enregistrez puis quittez l'éditeur pour revenir à Carnet (choix de l'éditeur : $VISUAL ou $EDITOR).
action-external-editor = Éditeur
action-open = Choisir
action-select = Valider
action-mark = Cocher
action-yes = Oui
action-no = Non
context-search = Recherche
context-form = Formulaires
context-picker = Listes de choix
context-confirm = Confirmations

form-new-interaction = Nouvelle interaction
form-edit-interaction = Modifier l'interaction
form-filter = Filtrer le journal
form-new-structure = Nouvelle structure du réseau
form-hint-picker = Tapez pour chercher · Entrée : la liste · ⌫ : vider
input-truncated = Texte trop long : la fin a été coupée.
new-record = à créer
field-date = Date
field-heure = Heure
field-duree = Durée
field-suivi = Code de suivi
field-nombre = Nombre de personnes
field-tranche-age = Tranche d'âge
field-genre = Genre
field-residence = Résidence
field-issue = Issue de l'orientation
field-echeance = Échéance de la suite
field-competences = Compétences
field-justification = Justification
field-periode = Période
field-du = Du
field-au = Au
field-theme = Thématique
field-structure = Structure
field-suites-dues = Suites dues
field-nom = Nom
field-typologie = Typologie
period-all = Tout
period-today = Aujourd'hui
period-week = Cette semaine
period-month = Ce mois-ci
period-custom = Dates choisies
err-persons-count = Nombre de personnes entre 1 et 999.
err-suite-action = Décrivez la suite à donner avant son échéance.

picker-create-structure = Créer la structure « { $name } »
picker-new-suivi = Nouveau suivi { $code }
picker-empty = Rien à choisir pour l'instant.
picker-empty-structure-create = Le réseau n'a pas encore de structure : tapez son nom, puis Entrée pour la créer ici.
picker-empty-structures = Le réseau n'a pas encore de structure : ajoutez-en dans l'onglet Réseau (n).
picker-empty-contacts = Le réseau n'a pas encore de contact : ajoutez-en depuis une structure (onglet Réseau, c).
picker-empty-interactions = Le journal n'a pas encore d'interaction : notez-en une dans le Journal (n).
picker-none = Aucun résultat : corrigez la recherche.
confirm-title = Confirmation
confirm-keys = o : oui    n : non
confirm-delete-interaction = Supprimer l'interaction du { $date } « { $demande } » ? (u pour annuler ensuite)
confirm-discard = Abandonner les modifications de ce formulaire ?
guard-title = Avant d'enregistrer
guard-keys = o ou Entrée : enregistrer quand même    Échap : revenir au formulaire

status-saved = Interaction enregistrée.
status-deleted = Interaction supprimée (u pour annuler).
status-duplicated = Interaction dupliquée à la date du jour.
status-marked-done = Suite marquée comme faite.
status-undone = Annulé : { $what }.
status-nothing-to-undo = Rien à annuler.
status-no-suivi = Cette interaction n'a pas de code de suivi.
status-persist-failed = Enregistrement impossible sur le disque : { $detail }. La modification reste affichée ; réessayez ou faites « carnet export ».
status-editor-failed = L'éditeur n'a pas pu s'ouvrir : { $detail }.
status-editor-text-only = L'éditeur externe sert aux champs de texte.
undo-created = création
undo-edited = modification
undo-deleted = suppression
undo-duplicated = duplication
undo-marked-done = suite faite

empty-journal-filtered = Aucune interaction ne correspond. Échap pour tout revoir.
todo-title = À faire · { $count } ({ $overdue } en retard)
todo-empty = Rien à faire : aucune suite n'arrive à échéance dans les sept jours.
todo-overdue = en retard
todo-today = aujourd'hui
todo-soon = à venir
col-due = Échéance
col-when = Quand
col-action = À faire

## Noms des touches
key-shift = Maj
key-pageup = PgPréc
key-pagedown = PgSuiv
help-this-screen = Cet écran : { $screen }
key-enter = Entrée
key-esc = Échap
key-space = Espace
key-backtab = Maj-Tab
key-home = Début
key-end = Fin
key-backspace = Retour arrière
key-delete = Suppr
quoted = « { $text } »
guard-item = {"  "}• { $quoted } : { $why }
bench-search = Recherche Journal, par touche jusqu'à la réponse affichée
bench-save-store = Enregistrement (transaction + flush)
bench-io-note = Écrit sur disque : note (médiane)
bench-io-doctor = Écrit sur disque : doctor
bench-io-export = Écrit sur disque : export
bench-save-app = Enregistrement (mise à jour de l'écran)

## Réseau
action-new-contact = Contact
action-edit-contact = Modifier un contact
action-verified = Vérifiée
action-delete-record = Supprimer cette fiche
action-todo-reseau = À relancer
action-directory = Annuaire
form-edit-structure = Modifier la structure
form-new-contact = Nouveau contact
form-edit-contact = Modifier le contact
field-commune = Commune
field-verifiee = Vérifiée le
field-fonction = Fonction
field-canal-prefere = Canal préféré
field-actif = Actif
err-phone = Numéro non reconnu : écrivez 01 23 45 67 89, 0123456789, +33 1 23 45 67 89 ou un numéro court (3230, 115, 116 006).
err-email = Adresse électronique non reconnue : écrivez nom@domaine.fr.
err-period-order = La fin de la période précède son début.
confirm-delete-structure = Supprimer « { $name } » et ses { $contacts } contact(s) ? { $interactions } interaction(s) et { $rencontres } rencontre(s) la mentionnent : elles garderont son nom. (u pour annuler ensuite)
confirm-delete-contact = Supprimer ce contact ? Les rencontres où il figure garderont son nom. (u pour annuler ensuite)
confirm-similar-structure = Une structure au nom proche existe déjà : « { $name } ». o : ouvrir celle-ci · n : créer quand même · Échap : revenir
status-structure-saved = Structure enregistrée.
status-contact-saved = Contact enregistré.
status-structure-deleted = Structure supprimée (u pour annuler).
status-contact-deleted = Contact supprimé (u pour annuler).
status-verified = Marquée vérifiée aujourd'hui.
status-no-contacts = Cette structure n'a pas encore de contact : c pour en ajouter un.
status-delete-from-list = On supprime depuis la liste (touche d).
undo-verified = vérification
picker-contacts = Contacts
kind-structure = Structure
kind-contact = Contact
col-verified = Vérif.
col-kind = Quoi
col-reason = Pourquoi
relance-title = À relancer · { $count }
relance-empty = Rien à relancer : tous les partenaires ont été vus ou vérifiés à temps.
relance-no-contact = retard de { $days } j (cadence { $cadence } j)
relance-never = jamais contactée
relance-never-verified = informations jamais vérifiées
relance-not-verified = à vérifier (retard de { $days } j)
detail-orientations = Orientations ({ $count }, issue connue pour { $known })
detail-rencontres = Rencontres ({ $count })
ago-days = { $n } j
ago-weeks = { $n } sem.
ago-months = { $n } mois
action-new-rencontre = Rencontre
form-new-rencontre = Nouvelle rencontre réseau
form-edit-rencontre = Modifier la rencontre
field-type-rencontre = Type de rencontre
field-structures-met = Structures rencontrées
field-objet = Objet
field-contacts-met = Contacts rencontrés
field-initiative = Initiative
field-compte-rendu = Compte rendu
status-rencontre-saved = Rencontre enregistrée.
csv-nom = Nom
csv-typologies = Typologies
csv-relation = Niveau de relation
csv-adresse = Adresse
csv-commune = Commune
csv-telephone = Téléphone
csv-courriel = Courriel
csv-site = Site
csv-horaires = Horaires
csv-publics = Publics
csv-services = Services
csv-contacts = Contacts
csv-dernier-contact = Dernier contact
csv-verifiee = Vérifiée le
csv-notes = Notes
kind-signalements = Signalements techniques
kind-notes_territoire = Notes de territoire

## Réseau : vues, veille, signalements, notes, vue d'ensemble
action-view = Vues
picker-views = Vues du réseau
picker-comp-views = Vues des compétences
view-annuaire = Annuaire
view-relancer = À relancer
view-rencontres = Rencontres
view-veille = Veille
view-signalements = Signalements techniques
view-notes = Notes de territoire
view-overview = Vue d'ensemble
confirm-delete-named = Supprimer « { $summary } » ({ $date }) ? (u pour annuler ensuite)
confirm-delete-record = Supprimer cet enregistrement ? (u pour annuler ensuite)
status-record-saved = Enregistré.
status-record-deleted = Supprimé (u pour annuler).
form-new-veille = Nouvelle information de veille
form-edit-veille = Modifier l'information de veille
form-new-signalement = Nouveau signalement technique
form-edit-signalement = Modifier le signalement
form-new-note = Nouvelle note de territoire
form-edit-note = Modifier la note de territoire
field-resume = Résumé
field-source-type = Type de source
field-source = Source
field-fiabilite = Fiabilité
field-diffusion = Diffusion
field-categorie = Catégorie
field-description = Description
field-destinataire = Signalé à
field-statut-signalement = Statut
field-theme-territoire = Thème
field-territoire = Territoire
field-periode = Période
field-texte = Texte
col-date = Date
col-structures = Structures
col-objet = Objet
col-source = Source
col-fiabilite = Fiabilité
col-resume = Résumé
col-categorie = Catégorie
col-lieu = Lieu
col-theme = Thème
col-periode = Période
col-texte = Texte
col-partner = Partenaire
col-orientations = Orient.
col-known = Issue
col-done = Abouties
col-last = Dernière
empty-records = Rien pour l'instant : n pour ajouter.
empty-orientations = Aucune orientation vers une structure du réseau pour l'instant.
detail-rencontre = Rencontre
detail-veille = Veille
detail-signalement = Signalement
detail-note = Note de territoire
detail-etapes = Étapes
detail-overview = Réseau en graphiques
signalements-title = Signalements techniques · { $count } ({ $resolved } résolus)
chart-relation = Structures par niveau de relation
chart-typologies = Structures par typologie
chart-network = Qui rencontre qui (rencontres partagées)
chart-network-empty = Aucune rencontre ne réunit encore plusieurs structures.
action-new-service = Service
action-edit-service = Modifier un service
form-new-service = Nouveau service proposé
form-edit-service = Modifier le service
field-type-service = Type de service
field-conditions = Conditions d'accès
field-frais = Frais
picker-services = Services
status-no-services = Cette structure n'a pas encore de service : s pour en ajouter un.
form-filter-reseau = Filtrer l'annuaire
empty-reseau-filtered = Aucune structure ne correspond. Échap pour tout revoir.

## Documentation
action-history = Historique
action-to-review = À revoir
action-all-fiches = Toutes les fiches
action-restore = Restaurer cette version
context-history = Historique d'une fiche
history-title = Historique — { $title }
history-diff = Ce que cette révision a changé (- retiré, + ajouté)
history-diff-same = Aucun changement dans le texte (au plus un retour à la ligne final).
history-hint = Entrée : voir les changements · r : restaurer le texte d'avant cette révision
revision-restored = Restauration de la version précédant la révision du { $date }
status-restored = Version restaurée ; le texte remplacé reste dans l'historique.
status-no-revisions = Cette fiche n'a pas encore de révision.
review-title = À revoir · { $count }
review-empty = Aucune fiche à revoir : dates de révision à jour et structures inchangées.
review-due = révision en retard de { $days } j
review-marked = marquée « à revoir »
review-structure = une structure liée a changé depuis la vérification
form-new-fiche = Nouvelle fiche
form-edit-fiche = Modifier la fiche
field-titre = Titre
field-type-fiche = Type de fiche
field-statut-fiche = Statut
field-contenu = Contenu (Markdown)
field-sources = Sources
hint-sources = Une source par ligne : titre — https://adresse
field-structures-liees = Structures liées
field-revision-prevue = Révision prévue
field-resume-revision = Résumé du changement
err-url = Adresse non reconnue : écrivez-la complète, https://exemple.fr/page.
err-revision-summary = Le texte a changé : résumez la modification en quelques mots.
action-show-changes = Changements
err-md-needs-dir = L'export Markdown de la documentation écrit un dossier : indiquez-le avec -o DOSSIER.
docs-exported = { $count } fiches écrites dans { $path }.
docs-imported = Documentation : { $created } créée(s), { $updated } mise(s) à jour, { $unchanged } inchangée(s), { $conflicts } conflit(s), { $problems } fichier(s) illisible(s).
docs-bad-file = Fichier ignoré { $file } : { $detail }
docs-issue-no-front = le fichier doit commencer par une ligne « --- » suivie de l'en-tête de la fiche
docs-issue-front-open = l'en-tête n'est pas fermé par une ligne « --- »
docs-issue-bad-line = ligne { $line } : « clé: valeur » attendu
docs-issue-unknown-key = ligne { $line } : clé inconnue « { $key } »
docs-issue-bad-date = { $key } : « { $value } » n'est pas une date (AAAA-MM-JJ)
docs-issue-bad-id = id : « { $value } » n'est pas un identifiant de Carnet
docs-issue-bad-number = { $key } : « { $value } » n'est pas un nombre
docs-issue-no-title = le titre manque (ligne « titre: … »)
docs-issue-link = lien symbolique, non suivi : seuls les fichiers du dossier lui-même sont lus
docs-issue-not-regular = ce n'est pas un fichier ordinaire (tube, périphérique…), non lu
docs-issue-too-large = plus de { $mib } Mio, non lu : une fiche est bien plus courte
docs-issue-not-utf8 = le texte n'est pas encodé en UTF-8
docs-conflict = Conflit sur « { $title } » : modifiée des deux côtés ; votre texte reste, l'autre version est dans l'historique (t).
revision-conflict = Version importée en conflit (modifiée des deux côtés)
revision-import = Mise à jour importée
action-import = Importer un dossier
form-import-folder = Lire un dossier de fiches (Markdown)
field-dossier = Dossier
status-folder-failed = Dossier illisible : { $detail }.
undo-imported = import de fiches
action-plan = Plan de classement
action-move = Déplacer
action-new-node = Rubrique
action-rename-node = Renommer
form-new-node = Nouvelle rubrique du plan de classement
form-rename-node = Renommer la rubrique
field-libelle = Intitulé
picker-move-node = Placer sous…
plan-root = (à la racine du plan)
plan-title = Plan de classement
plan-empty = Le plan de classement est vide : n pour ajouter une rubrique.
plan-node-empty = Aucune fiche rangée ici.
detail-node = Fiches de la rubrique
col-fiches = Fiches
confirm-delete-node = Supprimer la rubrique « { $name } » ? Elle est vide. (u pour annuler ensuite)
status-node-not-empty = Rubrique non vide ({ $fiches } fiche(s), { $children } sous-rubrique(s)) : déplacez d'abord son contenu.
status-node-saved = Plan de classement mis à jour.
status-node-deleted = Rubrique supprimée (u pour annuler).
undo-plan = modification du plan
kind-plan = Plan de classement (modifications)
kind-profil = Profil
kind-exemples = Exemples du Dossier Professionnel
action-back-to-fiches = Fiches
more-lines = { $count } ligne(s)
hint-note-privee = Jamais exportée, jamais montrée ailleurs que dans cette fiche.

## Compétences : couverture
action-coverage = Couverture
action-referentiel = Référentiel
coverage-aucune = aucune
coverage-amorcee = amorcée
coverage-solide = solide
coverage-title = Couverture — les manques d'abord
coverage-by-ccp = Par CCP (une case par compétence)
coverage-ccp-line = { $solid } solide(s), { $started } amorcée(s), { $none } sans preuve
coverage-legend = █ solide · ▒ amorcée · · sans preuve. { $rule } La barre compte les preuves principales (pleine à { $solid }) ; « Liens » compte toutes les preuves.
coverage-rule = Amorcée dès { $started } preuve(s) ; solide à partir de { $solid } preuve(s) principale(s).
detail-coverage = Couverture
col-state = État
col-bar = Preuves
col-links = Liens

## Analyses de pratique
view-referentiel = Référentiel
view-couverture = Couverture
view-analyses = Analyses de pratique
action-new-analyse = Analyse
action-edit-profil = Modifier le profil
form-new-analyse = Nouvelle analyse de pratique
form-edit-analyse = Modifier l'analyse de pratique
field-situation = Situation
field-format-analyse = Format
field-interaction-liee = Interaction liée
field-ce-que-jai-fait = Ce que j'ai fait
field-ressenti = Ressenti
field-analyse-posture = Analyse de ma posture
field-autrement = Ce que je ferais autrement
field-retenu = Ce que j'en retiens
hint-situation = Que s'est-il passé ? Décrivez sans nommer personne.
hint-ce-que-jai-fait = Vos actes, dans l'ordre : ce que vous avez dit, proposé, fait.
hint-ressenti = Ce que vous avez ressenti sur le moment, et après.
hint-analyse-posture = Neutralité, impartialité, limites du rôle : qu'est-ce qui a tenu, ou pas ?
hint-autrement = Avec le recul, que changeriez-vous ?
hint-retenu = Ce que vous emportez pour les prochaines situations.
detail-analyse = Analyse de pratique
col-format = Format
col-situation = Situation

## Coverage annex (export)
annex-title = Couverture des compétences — { $referentiel } — au { $date }
annex-ccp = CCP
annex-competence = Compétence
annex-libelle = Libellé
annex-principales = Preuves principales
annex-secondaires = Preuves secondaires
annex-derniere = Dernière preuve
annex-etat = État
annex-orphans = Preuves liées à des compétences absentes du référentiel actuel (conservées)
annex-orphan-state = orpheline

## Profil
view-profil = Profil
form-profil = Profil
detail-certification = Certification
field-role = Rôle
role-stagiaire = Stagiaire (parcours de formation)
role-salarie = Salarié(e)
role-vae = VAE (validation des acquis de l'expérience)
field-employeur = Employeur
field-service = Service
field-periode-debut = Période : du
field-periode-fin = Période : au
field-date-ecf = ECF
field-date-remise-dp = Remise du DP
field-date-jury = Jury
profil-referentiel = Référentiel
profil-periode = Période
profil-period = du { $from } au { $to }
profil-period-from = depuis le { $from }
profil-period-to = jusqu'au { $to }
profil-none = Pas encore de profil.
profil-hint-new = n : le créer (rôle, employeur, période, dates de l'ECF, de la remise du DP et du jury). Le référentiel se choisit dans config.toml.
profil-hint-edit = e : modifier le profil. Le référentiel se choisit dans config.toml ; votre nom n'est jamais enregistré.
profil-no-dates = Aucune date de certification : e pour les saisir.
countdown = { $days ->
    [0] { $what } aujourd'hui
    [1] { $what } demain
   *[other] { $what } dans { $days } jours
}
countdown-past = passé ({ $date })
countdown-in = { $days ->
    [0] aujourd'hui
    [1] demain
   *[other] dans { $days } jours
}

## Evidence of a competence
context-evidence = Preuves d'une compétence
action-strength = Principale / secondaire
action-open-record = Ouvrir
action-add-link = Lier
action-unlink = Délier
action-evidence = Preuves
picker-add-evidence = Créer ou lier un enregistrement pour cette compétence
strength-principale-short = [P]
strength-secondaire-short = [S]
evidence-no-justification = Pas de justification : ouvrez l'enregistrement (Entrée) pour l'écrire.
status-link-added = Lien ajouté (secondaire). u pour annuler.
status-link-removed = Lien retiré. u pour annuler.
status-link-strength = Force du lien changée.
orphans-heading = Compétences absentes du référentiel actuel
orphans-explain = Des enregistrements sont liés à ces compétences, que le référentiel configuré ne contient pas (un autre référentiel, ou un identifiant modifié). Les liens sont conservés ; ils ne comptent dans aucune couverture.

## Dossier Professionnel
view-dossier = Dossier Professionnel
detail-exemple = Exemple de pratique professionnelle
col-exemple = Exemple
col-periode = Période
col-taille = Longueur
action-new-exemple = Exemple
picker-draft-situation = Situation à raconter (★ les plus fortes)
status-no-situation = Aucune situation ne montre encore une compétence de ce CCP : liez des enregistrements à ses compétences (vue Référentiel, Entrée).
situation-suivi = Suivi
situation-cas = Cas de médiation
situation-projet = Projet
situation-partenaire = Partenaire
situation-evenement = Événement de sécurité
situation-bilan = Bilan
form-new-exemple = Nouvel exemple de pratique professionnelle
form-edit-exemple = Modifier l'exemple
field-titre-exemple = Intitulé
field-taches = Tâches et conditions
field-moyens = Moyens utilisés
field-avec-qui = Avec qui
field-entreprise = Entreprise, organisme
field-service-exemple = Service
field-du-exemple = Période : du
field-au-exemple = Période : au
field-infos = Informations compl.
dp-rubrique-taches = Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles conditions :
dp-rubrique-moyens = Précisez les moyens utilisés :
dp-rubrique-avec-qui = Avec qui avez-vous travaillé ?
dp-rubrique-contexte = Contexte
dp-rubrique-infos = Informations complémentaires (facultatif)
dp-entreprise = Nom de l'entreprise, organisme ou association
dp-service = Chantier, atelier, service
dp-periode = Période d'exercice
dp-example-heading = Exemple n°{ $rang } ► { $titre }
dp-ccp-count = { $count ->
    [0] aucun exemple
    [one] 1 exemple
   *[other] { $count } exemples
}
dp-no-example = aucun exemple
dp-too-many = plus de 3 exemples
dp-too-long = environ { $pages } pages : un exemple tient en 3 pages au plus.
dp-pages = { $pages ->
    [one] ≈ 1 page
   *[other] ≈ { $pages } pages
}
dp-hint = n : raconter une situation (suivi, cas de médiation, projet, partenaire, événement de sécurité, bilan) ; les plus fortes pour ce CCP sont marquées ★ (1 à 3 exemples par CCP, 3 pages au plus chacun).
action-accept-warning = Accepter
picker-accept-warning = Accepter cet avertissement (le texte reste tel quel)
status-no-sharing-warning = Rien à revoir dans cet exemple.
status-warning-accepted = Avertissement accepté. u pour annuler.
dp-sharing-heading = Avant de partager
dp-sharing-none = Rien ne semble identifier une personne accompagnée.
dp-sharing-hint = Reformulez (e), ou acceptez un avertissement à la fois (a) s'il ne désigne pas une personne accompagnée.
dp-pending = { $count ->
    [one] ⚠ 1 à revoir
   *[other] ⚠ { $count } à revoir
}

# Dossier Professionnel export (CLI)
err-dp-warnings = { $count ->
    [one] Export refusé : un avertissement n'est pas encore accepté dans le Dossier Professionnel :
   *[other] Export refusé : { $count } avertissements ne sont pas encore acceptés dans le Dossier Professionnel :
}
err-dp-warnings-hint = Reformulez ces passages (onglet Compétences, vue Dossier Professionnel, e), acceptez-les un par un (a), ou relancez avec --accept-warnings si aucun ne désigne une personne accompagnée.
err-docx-needs-file = L'export DOCX écrit un fichier : indiquez-le avec -o FICHIER.docx.
err-xlsx-needs-file = L'export XLSX écrit un fichier : indiquez-le avec -o FICHIER.xlsx.
err-xlsx = Le classeur n'a pas pu être écrit : { $detail }. Rien n'a été écrit.
err-docx = Le fichier DOCX n'a pas pu être construit : { $detail }
warn-dp-no-presentation = Note : la page « Présentation du dossier » (texte fixe du ministère) n'est pas incluse : copiez ce texte depuis le modèle officiel dans un fichier et indiquez-le dans la configuration (presentation_dossier = "presentation.txt").
warn-dp-no-identity = Note : identité laissée en blanc sur la page de garde (--nom, --nom-usage, --prenom, --adresse, --fait-a pour la remplir).
dp-ask-nom = Nom de naissance :
dp-ask-nom-usage = Nom d'usage (Entrée si identique) :
dp-ask-prenom = Prénom :
dp-ask-adresse = Adresse :
dp-ask-lieu = Fait à (lieu de signature, Entrée pour le laisser en blanc) :
warn-dp-ccp = Note : { $ccp } : { $note }

# Dossier Professionnel export (TUI)
action-export = Exporter (le Dossier Professionnel, vue Dossier ; sur un suivi : ce que le carnet contient)
action-export-short = Exporter
form-export-dossier = Exporter le Dossier Professionnel
field-nom-naissance = Nom de naissance
field-nom-usage = Nom d'usage
field-prenom = Prénom
field-adresse-candidat = Adresse
field-fait-a = Fait à
field-fichier = Fichier
hint-nom-naissance = Identité non enregistrée : pour cette page de garde
hint-fait-a = Lieu de signature (daté du jour) ; vide : à la main
hint-fichier = Format selon l'extension : .docx, .html ou .md
err-dp-extension = Terminez le nom par .docx, .html ou .md.
status-dp-gate = { $count ->
    [one] Export bloqué : un avertissement à revoir (a sur l'exemple marqué ⚠).
   *[other] Export bloqué : { $count } avertissements à revoir (a sur les exemples ⚠).
}
status-file-written = Fichier écrit : { $path }
status-write-failed = Fichier non écrit : { $detail }.
dp-export-hint = X : exporter le dossier (DOCX, HTML ou Markdown) une fois chaque avertissement revu.
dp-no-presentation = La page « Présentation du dossier » (texte fixe du ministère) n'est pas fournie : copiez-la du modèle officiel dans un fichier nommé par presentation_dossier dans la configuration ; sans elle, l'export l'omet.
dp-sources-heading = Rédigé à partir de
dp-source-gone = (enregistrement supprimé depuis)
status-exemple-moved = Exemple placé en n°{ $rang }.

# Files
io-not-found = ce fichier ou ce dossier n'existe pas
io-permission = permission refusée
io-is-directory = c'est un dossier, pas un fichier
io-not-directory = un élément du chemin n'est pas un dossier
io-exists = ce fichier existe déjà
io-full = le disque est plein
io-read-only = le disque est en lecture seule

# Command-line usage errors
usage-unknown-option = Option inconnue : { $option }.
usage-unknown-command = Commande inconnue : { $command }.
usage-missing-value = { $option } attend une valeur.
usage-invalid-value = Valeur « { $value } » refusée pour { $option }.
usage-missing-argument = Il manque l'argument { $argument }.
usage-possible = Valeurs possibles : { $possible }.
usage-did-you-mean = Vouliez-vous dire { $suggestion } ?

# Command line (--help)
cli-usage = Utilisation :
cli-command-name = COMMANDE
cli-help-flag = Affiche cette aide
cli-version-flag = Affiche la version
cli-default = par défaut : { $value }
cli-possible = valeurs : { $values }
cli-about = Carnet — le journal de bord des médiateurs sociaux. Sans commande : ouvre votre carnet.
cli-demo = Crée le carnet de démonstration (un territoire fictif) et l'ouvre
cli-note = Note une interaction sans ouvrir l'interface ; affiche son identifiant
cli-export = Exporte le carnet (sauvegarde, journal, réseau, documentation, couverture, Dossier Professionnel)
cli-import = Charge un export JSON dans un carnet vide, ou lit un dossier de fiches (Markdown)
cli-restore = Restaure une sauvegarde (sauvegardes/carnet-….json.gz) ou un export JSON dans un carnet vide
cli-arg-backup = Fichier de sauvegarde (.json.gz) ou export JSON
cli-doctor = Vérifie l'installation, la configuration et le carnet
cli-bench = Mesure génération, taille sur disque, ouverture et mémoire sur un carnet généré
cli-completions = Affiche le script de complétion d'un shell (bash, zsh, fish, elvish, powershell)
cli-man = Affiche la page de manuel (roff), dans la langue de l'interface
cli-arg-shell = Le shell
cli-bench-open = Ouvre un carnet et dessine sa première image (seconde moitié de bench)
cli-arg-data-dir = Dossier du carnet (par défaut : $CARNET_DATA_DIR, sinon $XDG_DATA_HOME/carnet)
cli-arg-config = Fichier de configuration (par défaut : $CARNET_CONFIG, sinon $XDG_CONFIG_HOME/carnet/config.toml)
cli-arg-lang = Langue de l'interface
cli-arg-interactions = Nombre d'interactions ; les autres enregistrements suivent
cli-arg-seed = Graine du générateur : la même graine donne le même carnet
cli-arg-generate-only = Génère, puis s'arrête sans ouvrir l'interface
cli-arg-types = Type d'interaction, par identifiant ou libellé (répétable) ; par défaut : accueil_information
cli-arg-themes = Thématique, par identifiant ou libellé (répétable) : --theme logement ou --theme « Logement »
cli-arg-canal = Canal, par identifiant ou libellé ; par défaut : celui de la dernière interaction
cli-arg-duree = Durée en minutes (ou 1h30)
cli-arg-date = Date : 29/11/2026, 29/11, hier, -2… ; par défaut : aujourd'hui
cli-arg-heure = Heure : 14:05 ou 14h05 ; par défaut : maintenant
cli-arg-personnes = Nombre de personnes reçues (anonymes) ; par défaut : 1
cli-arg-quiet = N'affiche que l'identifiant de la nouvelle interaction (pour les scripts)
cli-arg-modele = Un modèle d'interaction, par son nom : ses types, thématiques, canal, lieu, durée et réponses ; les autres options l'emportent
cli-arg-vers = Structure du réseau vers laquelle la personne a été orientée (nom ou partie du nom)
cli-arg-yes = Sans demander : enregistre malgré le garde-fou (note), efface ou anonymise sans confirmation (suivi erase, retention)
cli-arg-text = La demande, en quelques mots
cli-arg-what = Quoi exporter : tout (json), le journal (csv), l'annuaire (csv), les contacts (vcard), la documentation (md, un dossier), la matrice de couverture (md, html, csv), le Dossier Professionnel (md, html, docx), le bilan d'activité (json, csv, md, html, xlsx), les fiches projet (md, html, docx)
cli-arg-format = Format du fichier
cli-arg-sep = Séparateur CSV : "," ";" (tableurs en français) ou "tab" ; par défaut : separateur_csv de la configuration, sinon ","
cli-arg-output = Fichier à écrire (sans lui : la sortie standard)
cli-arg-nom = Dossier Professionnel : nom de naissance (jamais enregistré)
cli-arg-nom-usage = Dossier Professionnel : nom d'usage, s'il diffère
cli-arg-prenom = Dossier Professionnel : prénom
cli-arg-adresse = Dossier Professionnel : adresse
cli-arg-fait-a = Dossier Professionnel : lieu de signature de la déclaration sur l'honneur (datée du jour)
cli-arg-modalite = Dossier Professionnel : modalité d'accès ; par défaut d'après le profil (stagiaire : formation, VAE : vae)
cli-arg-accept-warnings = Exporte le dossier même si des avertissements « avant de partager » restent à revoir
cli-arg-path = Fichier JSON, ou dossier de fiches Markdown
cli-arg-dir = Dossier du carnet à ouvrir
doctor-presentation = Présentation du dossier
doctor-presentation-given = fournie ({ $chars } caractères)
doctor-presentation-missing = non fournie : les exports du Dossier Professionnel l'omettent (presentation_dossier)
action-plan-short = Plan
cli-commands = Commandes :
cli-arguments = Arguments :
cli-options-heading = Options :

## Événements de sécurité (CCP2.C10)
kind-evenements_securite = Événements de sécurité
view-securite = Événements de sécurité
form-new-securite = Nouvel événement de sécurité
form-edit-securite = Modifier l'événement de sécurité
detail-securite = Événement de sécurité
field-type-evenement = Type d'événement
field-deroule = Déroulé (sans nom ni détail identifiant)
field-actions-securite = Actions menées
field-cadre-legal = Cadre légal mobilisé
field-retour-experience = Retour d'expérience
field-interactions-liees = Interactions liées
col-actions = Actions
action-cadre-legal = Cadre légal, urgences
cadre-legal-title = Cadre légal — devoirs et numéros d'urgence
cadre-legal-devoirs = Devoirs
cadre-legal-numeros = Numéros d'urgence

compact-done = Carnet reconstruit : { $before } Mo → { $after } Mo en { $seconds } s. Rien de ce qui a été supprimé ne reste dans ses fichiers.
err-no-suivi = Aucun suivi n'a le code « { $code } » (un code ressemble à P-2026-017).
err-needs-yes = Cette commande demande une confirmation : lancez-la dans un terminal, ou ajoutez --yes.
confirm-yes-no = [o/N]
erase-preview = Suivi { $code } : { $interactions } interaction(s) et le code seront effacés du carnet et des sauvegardes.
erase-preview-linked = { $linked } autre(s) écrit(s) (analyses, événements, exemples) perdront leur lien vers elles : relisez-les pour vérifier qu'ils n'identifient pas la personne.
erase-confirm = Effacer définitivement ?
erase-cancelled = Rien n'a été modifié.
warn-backup-unreadable = Sauvegarde illisible, laissée telle quelle (supprimez-la vous-même si elle concerne la personne) : { $path }
erase-done = Effacé : { $interactions } interaction(s) et le code de suivi ; { $backups } sauvegarde(s) réécrite(s). Le carnet a été reconstruit : rien n'en reste dans ses fichiers.
warn-audit-log = Le journal de confidentialité n'a pas pu être complété ({ $path } : { $detail }) ; l'opération, elle, est faite.
retention-period = Conservation : { $months } mois après le dernier contact, soit les contacts d'avant le { $cutoff }.
retention-nothing = Rien à anonymiser.
retention-suivis = { $year } : { $count } code(s) de suivi à retirer
retention-interactions = { $year } : { $count } interaction(s) dont les textes libres seront effacés
retention-how = Pour anonymiser : carnet retention --apply (une sauvegarde est faite avant). Les dates, durées, types, thématiques, canaux, lieux, réponses, orientations et attributs anonymes restent, pour les bilans.
retention-confirm = Anonymiser maintenant ?
retention-backup = Sauvegarde faite avant : { $path }
retention-done = Anonymisé : { $suivis } code(s) de suivi retiré(s), { $interactions } interaction(s) sans texte libre. Le carnet a été reconstruit.
access-title = Ce que Carnet contient au sujet du suivi { $code }
access-intro = Extrait le { $date } pour une demande d'accès (droit d'accès, RGPD article 15). Toutes les notes y figurent, y compris les notes privées.
access-suivi = Le suivi
access-interactions = Interactions ({ $count })
access-mentions = Autres écrits qui y font référence
access-line = - { $label } : { $value }
cli-suivi = Ce que Carnet contient au sujet d'un code de suivi : l'exporter (droit d'accès) ou l'effacer (droit à l'effacement)
cli-suivi-export = Écrit tout ce que Carnet contient au sujet d'un code de suivi, en Markdown ou en JSON
cli-suivi-erase = Efface tous les enregistrements d'un code de suivi, dans le carnet et dans les sauvegardes
cli-retention = Anonymise ce qui dépasse la durée de conservation (sans --apply : montre seulement ce qui changerait)
cli-compact = Reconstruit le carnet à partir de ses enregistrements, pour que rien de supprimé ne reste dans ses fichiers
cli-arg-code = Code de suivi (par exemple P-2026-017)
cli-arg-apply = Anonymise, après une sauvegarde
doctor-audit = Confidentialité
doctor-audit-none = aucun effacement ni anonymisation pour l'instant
doctor-audit-value = { $count } opération(s), la dernière : { $last } ({ $path })
doctor-retention = Conservation
doctor-retention-value = { $months } mois après le dernier contact ; { $due } enregistrement(s) à anonymiser (carnet retention)

rebuild-in-progress = Effacement définitif : reconstruction du carnet (quelques secondes)…
confirm-retention = { $suivis } code(s) de suivi et { $interactions } interaction(s) dépassent la durée de conservation ({ $months } mois après le dernier contact). Les anonymiser maintenant ? Une sauvegarde est faite avant ; les statistiques restent. (Échap : plus tard)
status-anonymised = Anonymisé : { $suivis } code(s) de suivi, { $interactions } interaction(s). Le carnet sera reconstruit en quittant.
confirm-erase-suivi = Effacer définitivement le suivi { $code } et ses { $interactions } interaction(s), du carnet et des sauvegardes ? { $linked } autre(s) écrit(s) perdront leur lien. Cela ne peut pas être annulé.
status-erased = Suivi effacé ({ $interactions } interaction(s)), sauvegardes comprises. Le carnet sera reconstruit en quittant.
status-timeline-first = Ouvrez d'abord le suivi d'une personne (t sur une de ses interactions).
form-suivi-export = Ce que le carnet contient sur ce suivi (droit d'accès)
action-erase = Effacer ce suivi (droit à l'effacement)
action-erase-short = Effacer
field-fichier-acces = Fichier
hint-fichier-acces = Une page (.md) ou les données (.json), selon l'extension
err-no-room = Pas assez de place dans { $path } pour reconstruire le carnet : il faut environ { $needed } Mo, { $available } Mo sont libres. Rien n'a été modifié ; libérez de la place puis relancez.
err-unreadable-records = { $count } enregistrement(s) du carnet ne se lisent pas (voir carnet doctor) : la reconstruction les perdrait, elle n'est pas faite. Rien n'a été modifié.
action-save-anyway = Enregistrer quand même
action-back-to-form = Revenir au formulaire
err-note-suivi = « { $value } » n'est ni un code de suivi du carnet, ni un nouveau code de la bonne forme (une lettre, l'année, un numéro : P-2026-017).
cli-arg-suivi = Code de suivi de la personne : un code du carnet, ou un nouveau (P-2026-017), créé avec la note
bench-guard = Garde-fou, textes d'une interaction
bench-rebuild = Reconstruction (carnet compact)
doctor-rebuild = Reconstruction
doctor-rebuild-due = en attente : des enregistrements supprimés restent dans les fichiers du carnet jusqu'à la prochaine fermeture de l'interface ou à carnet compact
ask-passphrase = Phrase de passe du carnet :
ask-new-passphrase = Nouvelle phrase de passe :
ask-new-passphrase-again = La même, encore une fois :
err-passphrase-needed = Ce carnet est chiffré : sa phrase de passe est nécessaire (tapez-la dans un terminal, ou donnez-la dans CARNET_PASSPHRASE).
err-wrong-passphrase = Phrase de passe incorrecte : le carnet n'a pas été ouvert, rien n'a été modifié.
err-backup-wrong-passphrase = Phrase de passe incorrecte pour cette sauvegarde chiffrée : rien n'a été restauré ni modifié.
err-backup-passphrase-needed = Cette sauvegarde est chiffrée : sa phrase de passe est nécessaire (tapez-la dans un terminal, ou donnez-la dans CARNET_PASSPHRASE).
err-import-sealed = { $path } est une sauvegarde chiffrée : restaurez-la avec « carnet restore { $path } », qui demande sa phrase de passe.
err-passphrase-mismatch = Les deux phrases de passe diffèrent : rien n'a été modifié.
err-passphrase-short = Phrase de passe trop courte : { $min } caractères au moins (plusieurs mots, faciles à retenir, difficiles à deviner).
encrypt-done = Carnet chiffré en { $seconds } s ; { $backups } sauvegarde(s) chiffrée(s). Chaque commande demandera désormais la phrase de passe : sans elle, les données sont perdues.
decrypt-already = Ce carnet n'est pas chiffré.
decrypt-done = Carnet déchiffré ; { $backups } sauvegarde(s) réécrite(s) en clair.
cli-encrypt = Chiffre le carnet et ses sauvegardes avec une phrase de passe (ou change la phrase de passe)
cli-decrypt = Remet le carnet et ses sauvegardes en clair
doctor-encryption = Chiffrement
doctor-encrypted = oui : valeurs et sauvegardes chiffrées (XChaCha20-Poly1305, clé dérivée par Argon2id)
doctor-plain = non (carnet encrypt pour chiffrer le carnet et ses sauvegardes)

# Modèles d'interaction
kind-modeles = Modèles d'interaction
view-modeles = Modèles d'interaction
detail-modele = Modèle
detail-modele-how = Ctrl-T dans le formulaire d'une interaction le reprend, carnet note --modele « nom » en ligne de commande.
form-new-modele = Nouveau modèle d'interaction
form-edit-modele = Modifier le modèle
field-nom-modele = Nom du modèle
col-canal = Canal
action-modele = Modèle
action-save-as-modele = En faire un modèle
picker-modele = Modèle d'interaction
picker-modele-empty = Aucun modèle pour l'instant : dans le Journal, M sur une interaction en fait un modèle.
status-modele-saved = Modèle enregistré : Ctrl-T dans le formulaire d'une interaction le reprend.
status-modele-applied = Modèle « { $name } » repris : à vous la demande.
status-modele-interaction-only = Un modèle remplit le formulaire d'une interaction : ouvrez-en une (n dans le Journal).
err-name-taken = Ce nom est déjà pris : choisissez-en un autre.
err-note-modele = Aucun modèle ne s'appelle « { $value } ». Modèles : { $names }.
none-yet = aucun pour l'instant

# Aide : touches d'un champ de texte
help-text-title = Dans un champ de texte
help-text-words = mot précédent, mot suivant
help-text-delete-word = effacer le mot précédent
help-text-delete-line = effacer jusqu'au début, jusqu'à la fin
help-text-undo = annuler, rétablir
help-text-newline = nouvelle ligne (champ de plusieurs lignes)
help-text-rows = ligne affichée précédente, suivante (puis champ voisin)
help-text-row-ends = début, fin de la ligne affichée
help-text-ends = début, fin du texte
help-text-pages = fenêtre précédente, suivante (champ de plusieurs lignes)

# À relancer : plus tard
kind-relances_reportees = Relances reportées
action-later = Plus tard
picker-put-off = Relancer « { $name } » plus tard
put-off-choice = Dans { $days } jours (jusqu'au { $date })
status-put-off = « { $name } » : relance reportée au { $date }.
undo-put-off = relance reportée
relance-title-held = À relancer · { $count } · { $held } reportée(s)
doctor-served-by = ouvert par l'interface de { $user } sur { $host } (pid { $pid }), qui sert cette commande
status-written-elsewhere = { $count ->
    [one] Une interaction ajoutée depuis un autre terminal.
   *[other] { $count } interactions ajoutées depuis un autre terminal.
}

# Commandes servies par l'interface ouverte
err-remote-not-taken = Le carnet est ouvert dans une interface qui ne répond pas (un éditeur externe ouvert, ou elle est arrêtée) : réessayez dans un instant, ou fermez-la.
err-remote-broken = La liaison avec l'interface ouverte s'est interrompue ({ $detail }) : regardez dans l'interface si la commande a été faite avant de la relancer.
err-remote-not-served = Cette commande attend que l'interface ouverte soit fermée.
err-remote-other-carnet = L'interface ouverte sert un autre carnet que celui demandé.
locked-since = {" "}depuis le { $date } à { $time }
bench-served-trip = Note servie (interface ouverte)
bench-served-frame = Note servie : image de l'interface

# Bilan
bilan-title = Bilan du { $du } au { $au }
bilan-totaux = Totaux
bilan-total = Total de la période
bilan-regles = Règles de comptage
bilan-interactions = Interactions
bilan-personnes = Personnes
bilan-suivis = Personnes suivies (distinctes)
bilan-temps = Temps passé
bilan-premiers-contacts = Premiers contacts
bilan-connues = Personnes déjà connues
bilan-suites-faites = Suites faites
bilan-suites-retard = Suites en retard
bilan-signalements = Signalements
bilan-signalements-resolus = Signalements résolus
bilan-delai-resolution = Délai médian de résolution (jours)
bilan-fiches-creees = Fiches créées
bilan-fiches-revisees = Révisions de fiches
bilan-evenements-securite = Événements de sécurité
bilan-signalements-pair = Signalements / résolus
bilan-fiches-pair = Fiches créées / révisées
bilan-days = { $count } j
bilan-col-dimension = Dimension
bilan-col-valeur = Valeur
bilan-col-libelle = Libellé
bilan-col-interactions = Interactions
bilan-col-personnes = Personnes
bilan-col-minutes = Minutes
bilan-chart-failed = (graphique non tracé : { $detail })
bilan-col-debut = Du
bilan-sheet-synthese = Synthèse
bilan-minutes-total = Temps passé (minutes)
bilan-dim-total = total
bilan-dim-types = Types d'interaction
bilan-dim-registres = Registres d'intervention
bilan-dim-thematiques = Thématiques
bilan-dim-canaux = Canal
bilan-dim-lieux = Lieu
bilan-dim-quartiers = Quartier
bilan-dim-tranches_age = Tranche d'âge
bilan-dim-genres = Genre
bilan-dim-statuts = Statut
bilan-dim-residences = Résidence
bilan-dim-reponses = Réponse
bilan-dim-autonomie = Autonomie en fin d'entretien
bilan-dim-durees = Durée des interactions
bilan-dim-orientations_typologie = Orientations par type de partenaire
bilan-dim-orientations_structure = Orientations par structure
bilan-dim-issues_orientation = Issue des orientations
bilan-dim-rencontres = Rencontres réseau par type
bilan-dim-veille = Veille par source
bilan-dim-signalements = Signalements par catégorie
bilan-dim-signalements_statut = Signalements par statut
bilan-duree-moins_30 = moins de 30 min
bilan-duree-30_60 = de 30 min à 1 h
bilan-duree-60_120 = de 1 h à 2 h
bilan-duree-120_plus = 2 h et plus
bilan-issue-inconnue = Issue inconnue
bilan-rule-multi = Une interaction compte une fois dans chacune de ses valeurs (deux types : dans les deux) ; les lignes d'un tableau peuvent donc dépasser le total.
bilan-rule-persons = Personnes : une interaction anonyme compte son nombre de personnes ; une personne suivie compte une seule fois sur la période (et une fois par ligne), quel que soit le nombre de ses venues.
bilan-rule-time = Le temps est la durée des interactions, en minutes ; rencontres réseau à part.
bilan-rule-period = Une période va de son premier à son dernier jour, tous deux compris.
bilan-rule-small = Dans un tableau, un nombre de personnes inférieur à { $threshold } s'affiche « < { $threshold } », pour que personne ne soit reconnaissable ; les totaux sont exacts.
cli-arg-du = Bilan : premier jour (29/11/2026, 1/11, -30…)
cli-arg-au = Bilan : dernier jour, compris (par défaut : aujourd'hui)
cli-arg-par = Bilan sans dates : cette semaine, ce mois (par défaut), ce trimestre ou cette année ; avec --du/--au : l'activité par semaine, mois, trimestre ou année (semaine, mois, trimestre, annee)
bench-bilan = Bilan d'une année
bench-bilan-tab = Onglet Bilan, une année (+ 2 comparaisons)
bench-bilan-xlsx = Classeur XLSX d'une année
kind-bilans = Bilans d'activité
form-new-bilan = Nouveau bilan
form-edit-bilan = Modifier le bilan
field-destinataire-bilan = Remis à
field-faits-marquants = Faits marquants
field-difficultes = Difficultés
field-perspectives = Perspectives
field-remis-le = Remis le
field-titre-bilan = Titre
hint-titre-bilan = Facultatif : sans titre, les dates nomment le bilan.
hint-destinataire-bilan = La hiérarchie, un financeur, le comité de pilotage…
hint-faits-marquants = Ce qui a marqué la période : nouvelles actions, tendances, réussites. Sans nommer personne ; les chiffres viennent du carnet.
hint-difficultes = Ce qui a freiné : délais, partenaires, moyens.
hint-perspectives = Ce que vous proposez pour la période suivante.
hint-remis-le = Vide tant que c'est un brouillon.
err-period-order = La fin de la période précède son début.
err-handed-before-period = Un bilan se remet après le début de sa période.
bilan-written = Bilan rédigé
bilan-written-none = Pas de bilan rédigé pour cette période : n pour l'écrire (les chiffres s'y ajoutent seuls).
bilan-written-draft = brouillon
bilan-written-handed = remis le { $date }
bilan-written-more = { $count ->
    [one] un autre bilan couvre une partie de la période
   *[other] { $count } autres bilans couvrent une partie de la période
}
action-new-bilan = Rédiger le bilan
action-new-bilan-short = Rédiger
form-export-bilan = Exporter le bilan de la période
field-fichier-bilan = Fichier
hint-fichier-bilan = Format selon l'extension : .xlsx (tableur), .html (à imprimer), .md, .csv ou .json
err-bilan-extension = Terminez le nom par .xlsx, .html, .md, .csv ou .json.
form-bilan-range = Période du bilan
action-bilan-range = Dates
bilan-behind = { $dimension } : { $value }
action-bilan-open = Interactions comptées
action-bilan-open-short = Voir
status-bilan-records-in-detail = Ce ne sont pas des interactions : le détail ci-dessous liste les enregistrements comptés (J et K le font défiler).
action-prev-period = Période précédente
action-prev-period-short = Préc.
action-next-period = Période suivante
action-next-period-short = Suiv.
action-cycle-period = Semaine, mois, trimestre, année
action-cycle-period-short = Période
bilan-period-semaine = semaine du { $du }
bilan-period-mois = { $mois } { $annee }
bilan-period-trimestre = { $trimestre ->
    [1] 1er
   *[other] { $trimestre }e
} trimestre { $annee }
bilan-period-annee = année { $annee }
bilan-period-libre = du { $du } au { $au }
bilan-col-nombre = Nombre
bilan-col-temps = Temps
bilan-col-part = Part
bilan-compare-periode = Période
bilan-compare-precedente = Précédente
bilan-compare-an = Un an avant
bilan-personnes-suivis = Personnes (dont suivies)
bilan-contacts = Premiers contacts / connues
bilan-suites = Suites faites / en retard
bilan-activite-semaine = Interactions par semaine
bilan-activite-mois = Interactions par mois
bilan-activite-trimestre = Interactions par trimestre
bilan-activite-annee = Interactions par année
bilan-activite-libre = Interactions
bilan-line-share = { $share } % des interactions
bilan-heading-values = { $count ->
    [one] une valeur
   *[other] { $count } valeurs
}
bilan-empty = Rien d'enregistré sur cette période.
bilan-empty-hint = ← et → changent de période, P passe de la semaine au mois, au trimestre, à l'année, f choisit deux dates.
detail-bilan = Totaux et activité

## Projets d'activités supports (CCP3), séances, cas de médiation
kind-projets = Projets d'activités
kind-seances = Séances de projet
kind-cas_mediation = Cas de médiation
view-projets = Projets d'activités
view-seances = Séances de projet
view-cas = Cas de médiation
detail-projet = Projet
detail-seance = Séance
detail-cas = Cas de médiation
projets-title = Projets · { $count } ({ $resolved } avec bilan)
cas-title = Cas de médiation · { $count } ({ $resolved } clos)
form-new-projet = Nouveau projet d'activité
form-edit-projet = Modifier le projet
form-new-seance = Nouvelle séance
form-edit-seance = Modifier la séance
form-new-cas = Nouveau cas de médiation
form-edit-cas = Modifier le cas
action-new-seance = Séance
status-seance-needs-projet = Une séance appartient à un projet : choisissez un projet dans la liste, ou créez-en un (n).
col-projet = Projet
col-participants = Participants
col-intitule = Intitulé
col-depuis = Depuis
field-type-projet = Type d'activité
field-role-projet = Mon rôle
field-debut = Début du projet
hint-debut = Aucune séance ne peut précéder cette date.
field-diagnostic = Diagnostic
hint-diagnostic = Ce que vous avez constaté sur le territoire, et qui appelle ce projet.
field-constats-veille = Constats : veille
field-constats-notes = Constats : notes
field-constats-interactions = Constats : journal
field-objectifs = Objectifs
field-public-vise = Public visé
field-partenaires = Partenaires (rôle)
hint-partenaires = Un partenaire par ligne : structure du réseau ; rôle (ex. CAF de Val-de-Brume ; financeur)
field-moyens-projet = Moyens
field-budget = Budget
hint-budget = Une ligne par poste : libellé ; montant en € ; financeur (ex. Goûter ; 120,50 ; CAF)
field-phases = Phases
field-conception-debut = Conception — début
field-conception-fin = Conception — fin
field-preparation-debut = Préparation — début
field-preparation-fin = Préparation — fin
field-mise-en-oeuvre-debut = Mise en œuvre — début
field-mise-en-oeuvre-fin = Mise en œuvre — fin
field-evaluation-debut = Évaluation — début
field-evaluation-fin = Évaluation — fin
field-taches-projet = Tâches
hint-taches-projet = Une tâche par ligne : [x] si faite, action ; qui ; échéance (ex. Réserver la salle ; Nadia ; 15/01)
field-indicateurs = Indicateurs
hint-indicateurs = Un indicateur par ligne : libellé ; cible ; réalisé — un nombre, ou « participants », « séances », « heures » pour le compter des séances.
field-fiches-projet = Fiches liées
field-bilan-projet = Bilan du projet
hint-bilan-projet = Ce que le projet a produit, au regard des objectifs ; ce qui reste à faire.
field-projet = Projet
field-participants = Participants
field-repartition = Répartition
hint-repartition = Facultatif, une ligne par valeur : Féminin ; 8 — tranche d'âge, genre, statut ou résidence. Jamais de nom.
field-animateurs = Animation
field-partenaires-presents = Partenaires présents
field-deroule-seance = Déroulé
field-reussites = Ce qui a marché
field-a-changer = À changer
field-intitule = Intitulé
hint-intitule = Court et sans nom : « Bruit de voisinage, bâtiment C ».
field-type-cas = Type de médiation
field-origine = Origine (saisine)
field-demandeur = Demandeur (code)
hint-demandeur = Un code de suivi ; un nouveau code est créé.
field-autre-partie = Autre partie (code)
field-structure-partie = Partie : structure
field-consentement-le = Consentement le
hint-consentement-le = Vide tant que les parties n'ont pas accepté la médiation.
field-statut-cas = Étape
field-issue-cas = Issue
hint-issue-cas = Demandée pour clore le cas.
field-bilan-cas = Bilan du cas
field-analyses-liees = Analyses liées
field-cas = Cas de médiation
hint-cas = Rattache cette interaction à un cas suivi dans la durée.
detail-taches-a-faire = Tâches à faire
detail-seances = Séances (date · durée · participants · lieu)
detail-documents = Documents
detail-parties = Parties
detail-chronologie = Chronologie
note-indicateur-implausible = ⚠ Un réalisé dépasse de loin sa cible : vérifiez qu'il n'y a pas de faute de frappe.
note-consentement = Consentement des parties pas encore recueilli.
picker-empty-records = Rien à lier pour l'instant.
err-amount-negative = Un montant ne peut pas être négatif.
err-amount-format = Montant illisible : écrivez par exemple 1 200,50.
err-line-budget = Une ligne illisible : libellé ; montant ; financeur.
err-line-tache = Une ligne illisible : action ; qui ; échéance.
err-line-indicateur = Une ligne illisible : libellé ; cible (un nombre) ; réalisé.
err-line-partenaire = Une ligne illisible : structure ; rôle.
err-partenaire-unknown = Une structure n'est pas dans le réseau : créez-la d'abord (Réseau, n), puis nommez-la ici.
err-line-repartition = Une ligne illisible : valeur ; nombre (ex. Féminin ; 8).
err-repartition-unknown = Une valeur n'est ni une tranche d'âge, ni un genre, ni un statut, ni une résidence.
err-breakdown-over-total = La répartition compte plus de personnes que de participants.
err-participants-range = Entre 0 et 9999 participants.
err-seance-before-projet = La séance ne peut pas précéder le début du projet.
err-closed-without-issue = Pour clore le cas, choisissez son issue.
err-consent-before-saisine = Le consentement ne peut pas précéder la saisine.
err-same-party = Les deux parties ont le même code.
err-status-before-saisine = Le changement ne peut pas précéder la saisine.
col-sujet = Sujet
todo-cas-waiting = Relancer : { $status } depuis { $days } j
status-cas-next-step = Un cas avance par étapes : Entrée pour noter la suivante.
hint-constats-veille = La veille qui montre le besoin (Entrée pour choisir).
hint-constats-notes = Les notes de territoire qui le montrent.
hint-constats-interactions = Des interactions du journal qui le montrent.
hint-structure-partie = Une institution, un bailleur, une école… plutôt qu'un code.
bilan-cas = Cas de médiation ouverts
bilan-cas-clos = Cas de médiation clos
bilan-duree-cas = Durée médiane des cas (jours)
bilan-seances = Séances de projets
bilan-participants = Participants aux séances
bilan-cas-pair = Cas ouverts / clos
bilan-seances-pair = Séances / participants
bilan-dim-seances = Séances par type de projet
bilan-dim-cas_types = Cas de médiation par type
bilan-dim-cas_issues = Cas clos par issue
bilan-col-participants = Participants
projet-periode = Période
projet-h-contexte = Contexte et diagnostic
projet-h-moyens = Moyens et budget
projet-h-planning = Calendrier
projet-h-seances = Séances
projet-col-structure = Structure
projet-col-role = Rôle
projet-col-poste = Poste
projet-col-montant = Montant
projet-col-financeur = Financeur
projet-total = Total
projet-col-phase = Phase
projet-col-du = Du
projet-col-au = Au
projet-phase-a-venir = à venir
projet-phase-en-cours = en cours
projet-phase-terminee = terminée
projet-col-action = Action
projet-col-qui = Qui
projet-col-faite = Faite
projet-col-indicateur = Indicateur
projet-col-cible = Cible
projet-col-realise = Réalisé
err-no-projet = Aucun projet d'activité à exporter : créez-en un dans Réseau › Projets d'activités (w, puis n).
err-projet-unknown = Aucun projet ne correspond à « { $id } ». Projets :{ $list }
err-projet-ambiguous = Plusieurs projets correspondent à « { $id } » : précisez l'identifiant. Projets :{ $list }
err-projet-warnings = { $count } passage(s) pourraient identifier une personne dans la fiche projet :
err-projet-warnings-hint = Corrigez-les dans le projet (Réseau › Projets d'activités, Entrée), ou exportez quand même avec --accept-warnings.
projet-notre-role = Notre rôle
projet-h-partenaires = Partenaires
cli-arg-id = Fiches projet : seulement celle-ci, par son identifiant ou une partie de son titre (par défaut : toutes)
confirm-delete-projet = Supprimer « { $summary } » ({ $date }) et ses { $count } séance(s) ? (u pour annuler ensuite)
form-export-projet = Exporter la fiche projet
field-fichier-projet = Fichier
hint-fichier-projet = Format selon l'extension : .docx, .html (à imprimer) ou .md
status-projet-gate = Fiche retenue : { $count } passage(s) pourraient identifier une personne, dont « { $matched } » ({ $field }). Corrigez le projet ou ses séances (Entrée) ; en ligne de commande, --accept-warnings passe outre.
cli-arg-competence = Une compétence que l'interaction montre aussi (CCP2.C5… ; répétable), après celles que ses types suggèrent
cli-arg-sans-competence = Ne lier aucune compétence (sinon, ses types en suggèrent)
detail-shown-by = Ce qui la montrerait
detail-shown-by-hint = Entrée, puis n : créez l'un de ces enregistrements, déjà lié à la compétence, ou liez-en un qui existe.
detail-shown-by-types = • Interactions : { $types }

# Questions a Dossier Professionnel draft leaves for its author
dp-questions-heading = Questions à compléter
dp-questions-hint = e : répondez dans le texte, à la place de la question entre crochets, ou supprimez-la.
status-dp-questions = { $count ->
    [one] Export bloqué : une question du brouillon attend votre réponse (e sur l'exemple marqué ⚠).
   *[other] Export bloqué : { $count } questions du brouillon attendent votre réponse (e sur les exemples ⚠).
}
err-dp-questions = { $count ->
    [one] Export refusé : une question laissée par le brouillon attend encore votre réponse :
   *[other] Export refusé : { $count } questions laissées par le brouillon attendent encore votre réponse :
}
err-dp-questions-hint = Répondez à chacune à la place de la question entre crochets, ou supprimez-la (onglet Compétences, vue Dossier Professionnel, e). --accept-warnings ne s'applique pas aux questions.

# The writing view of an example (Dossier Professionnel)
writing-expect-titre = Le titre dit la situation en quelques mots, comme le jury la lira au sommaire.
writing-expect-taches = Une seule situation, dans l'ordre : le contexte, ce que j'ai fait pas à pas et pourquoi, le résultat.
writing-expect-moyens = Les outils, documents, lieux, canaux et le budget dont je me suis servi.
writing-expect-avec-qui = Partenaires, collègues, hiérarchie ; les personnes accompagnées jamais nommées.
writing-expect-contexte = Le cadre : la structure, le service et la période où la situation s'est déroulée.
writing-expect-infos = Ce que la situation m'a appris, ce que je ferais autrement (facultatif).
writing-pages = ≈ { $pages } page(s) sur 3 ({ $chars } caractères)
writing-pages-over = ⚠ ≈ { $pages } pages : plus que les 3 du modèle ({ $chars } caractères)
writing-questions = { $count ->
    [one] 1 question à compléter
   *[other] { $count } questions à compléter
}
writing-check = Relecture :
writing-check-je = à la 1re personne
writing-check-une = une seule situation
writing-check-ordre = dans l'ordre
writing-check-resultat = résultat dit
writing-check-anonyme = rien d'identifiant
picker-evidence-new = ＋ Créer : { $what }
dp-example-shows = Situation qui montre : { $competences }
bench-target = objectif { $target }
bench-search-reseau = Recherche Réseau, par touche (affichage)
bench-move-bytes = Sélection déplacée, octets au terminal
bench-scrolling = en défilant
status-still-loading = Le carnet finit de se charger : un instant, puis recommencez.
loading-short = chargement…
bench-action-bytes = Octets au terminal, par action
bench-action-bytes-value = changer d'onglet { $tab } KiB · touche de recherche, réponse comprise { $search } KiB
