<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>AsRun</name>
    <message>
        <source>ended by itself</source>
        <translation>von selbst beendet</translation>
    </message>
    <message>
        <source>stopped to black (Esc)</source>
        <translation>auf Schwarz geschaltet (Esc)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>message cleared</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source>stop to black (Esc)</source>
        <translation>Schwarz (Esc)</translation>
    </message>
    <message>
        <source>clip failed</source>
        <translation>Einspieler fehlgeschlagen</translation>
    </message>
    <message>
        <source>GO taken back</source>
        <translation>GO zurückgenommen</translation>
    </message>
    <message>
        <source>clip paused</source>
        <translation>Clip angehalten</translation>
    </message>
    <message>
        <source>clip resumed</source>
        <translation>Clip fortgesetzt</translation>
    </message>
    <message>
        <source>clip restarted</source>
        <translation>Clip neu gestartet</translation>
    </message>
    <message>
        <source>lower third on the stream</source>
        <translation>Bauchbinde im Stream</translation>
    </message>
    <message>
        <source>lower third taken off</source>
        <translation>Bauchbinde abgenommen</translation>
    </message>
    <message>
        <source>pre-show countdown</source>
        <translation>Countdown vor der Sendung</translation>
    </message>
    <message>
        <source>stream problem</source>
        <translation>Problem im Stream</translation>
    </message>
    <message>
        <source>stream problem over</source>
        <translation>Problem im Stream behoben</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>airing</source>
        <translation>Ausstrahlung</translation>
    </message>
    <message>
        <source>on_air_order</source>
        <translation>Sendefolge</translation>
    </message>
    <message>
        <source>planned_start</source>
        <translation>Beginn geplant</translation>
    </message>
    <message>
        <source>actual_start</source>
        <translation>Beginn tatsächlich</translation>
    </message>
    <message>
        <source>actual_end</source>
        <translation>Ende tatsächlich</translation>
    </message>
    <message>
        <source>planned_duration</source>
        <translation>Dauer geplant</translation>
    </message>
    <message>
        <source>added_time</source>
        <translation>Zeit hinzugefügt</translation>
    </message>
    <message>
        <source>actual_duration</source>
        <translation>Dauer tatsächlich</translation>
    </message>
    <message>
        <source>over_under</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>clip_duration</source>
        <translation>Dauer Einspieler</translation>
    </message>
    <message>
        <source>clip_end</source>
        <translation>Ende Einspieler</translation>
    </message>
    <message>
        <source>ended_by</source>
        <translation>beendet durch</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>what</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>go</source>
        <translation>GO</translation>
    </message>
    <message>
        <source>clip ended</source>
        <translation>Einspieler beendet</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>jump</source>
        <translation>Sprung</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>zurückgenommen</translation>
    </message>
    <message>
        <source>new run</source>
        <translation>neuer Durchlauf</translation>
    </message>
    <message>
        <source>another show opened</source>
        <translation>andere Sendung geöffnet</translation>
    </message>
    <message>
        <source>run closed</source>
        <translation>Durchlauf geschlossen</translation>
    </message>
    <message>
        <source>removed from the show file</source>
        <translation>aus der Sendungsdatei entfernt</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <source>live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>restarted {count}×</source>
        <translation>{count}× neu gestartet</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>cut by GO</source>
        <translation>durch GO abgebrochen</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>auf Sendung</translation>
    </message>
    <message>
        <source> (blinking)</source>
        <translation> (blinkend)</translation>
    </message>
    <message>
        <source> (urgent)</source>
        <translation> (dringend)</translation>
    </message>
    <message>
        <source>end of show taken back</source>
        <translation>Sendungsende zurückgenommen</translation>
    </message>
    <message>
        <source>{undone} off air again</source>
        <translation>{undone} wieder aus der Sendung genommen</translation>
    </message>
    <message>
        <source>at {position}</source>
        <translation>bei {position}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>for {time}</source>
        <translation>für {time}</translation>
    </message>
</context>
<context>
    <name>Clip</name>
    <message>
        <source>not a video file: it is a playlist (a text file that points to other files or network addresses); a clip must be a local video file</source>
        <translation>keine Videodatei: es ist eine Playlist (eine Textdatei, die auf andere Dateien oder Netzwerkadressen verweist); ein Einspieler muss eine lokale Videodatei sein</translation>
    </message>
    <message>
        <source>not a video file: it is a text file with a network address in it (a link?); a clip must be a local video file</source>
        <translation>keine Videodatei: es ist eine Textdatei mit einer Netzwerkadresse (ein Link?); ein Einspieler muss eine lokale Videodatei sein</translation>
    </message>
    <message>
        <source>file not found</source>
        <extracomment>Bump when the picture made for the same file changes (size, poster time, letterboxing).</extracomment>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>file cannot be read (permission denied)</source>
        <translation>Datei kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine normale Datei</translation>
    </message>
    <message>
        <source>file is empty (0 bytes)</source>
        <translation>Datei ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>file cannot be read ({error})</source>
        <translation>Datei kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>file is missing: {path}</source>
        <translation>Datei fehlt: {path}</translation>
    </message>
    <message>
        <source>clip is not a file: {path}</source>
        <translation>Einspieler ist keine Datei: {path}</translation>
    </message>
    <message>
        <source>clip file cannot be read: {error}</source>
        <translation>Einspieler-Datei kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>clip file not found: {path}</source>
        <translation>Einspieler-Datei nicht gefunden: {path}</translation>
    </message>
    <message>
        <source>clip file cannot be read (permission denied)</source>
        <translation>Einspieler-Datei kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <source>clip file is empty (0 bytes)</source>
        <translation>Einspieler-Datei ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>cannot be decoded: damaged (broken MP4 structure)</source>
        <extracomment>What :class:`Fault.DAMAGED` details say (the detail is the English text; shown translated).</extracomment>
        <translation>nicht decodierbar: beschädigt (MP4-Struktur defekt)</translation>
    </message>
    <message>
        <source>cannot be decoded: no movie header (moov box missing; incomplete download?)</source>
        <translation>nicht decodierbar: kein Film-Header (moov-Box fehlt; Download unvollständig?)</translation>
    </message>
    <message>
        <source>cannot be decoded: truncated (only {pct:.0f} % of the data is there; was the copy interrupted?)</source>
        <translation>nicht decodierbar: abgeschnitten (nur {pct:.0f} % der Daten vorhanden; wurde das Kopieren unterbrochen?)</translation>
    </message>
    <message>
        <source>{fps} fps</source>
        <extracomment>How a text file that points elsewhere starts (a playlist saved, or renamed, as a clip).</extracomment>
        <translation>{fps} fps</translation>
    </message>
    <message>
        <source>no preview picture: Qt runs on '{platform}', libVLC can only draw into xcb (X11/XWayland), Windows or macOS windows. Start with QT_QPA_PLATFORM=xcb.</source>
        <translation>kein Vorschaubild: Qt läuft auf „{platform}“, libVLC kann nur in xcb- (X11/XWayland), Windows- oder macOS-Fenster zeichnen. Mit QT_QPA_PLATFORM=xcb starten.</translation>
    </message>
    <message>
        <source>no picture within {seconds} s (cannot be decoded?)</source>
        <translation>kein Bild innerhalb von {seconds} s (nicht decodierbar?)</translation>
    </message>
    <message>
        <source>not a video file (no picture and no sound in it)</source>
        <translation>keine Videodatei (weder Bild noch Ton darin)</translation>
    </message>
    <message>
        <source>cannot be played: not a video file, or damaged</source>
        <extracomment>Cold start: raise the surface this long after the last video-output change (the picture follows). libVLC normally reports the tracks before Paused/Playing; some containers add them late. A clip must show its first picture within this time (arm) or start playing (cold start). The clip on air is *stalled* when libVLC's time has not moved for this long while it should play. How often the clip on air is watched (stall, file changed on disk): a stall is told within STALL_AFTER_S + WATCH_INTERVAL_MS. Near the clip's end libVLC stops sending time before it pauses on the last frame: not a stall.</extracomment>
        <translation>nicht abspielbar: keine Videodatei oder beschädigt</translation>
    </message>
    <message>
        <source>cannot be played: libVLC could not start it (damaged?)</source>
        <translation>nicht abspielbar: libVLC konnte sie nicht starten (beschädigt?)</translation>
    </message>
    <message>
        <source>no video track (audio only): on air the program output would stay black</source>
        <translation>keine Videospur (nur Ton): auf Sendung bliebe das Sendebild schwarz</translation>
    </message>
    <message>
        <source>it is not connected</source>
        <translation>es ist nicht angeschlossen</translation>
    </message>
    <message>
        <source>libVLC reports {device}</source>
        <translation>libVLC meldet {device}</translation>
    </message>
    <message>
        <source>libVLC reports no device</source>
        <translation>libVLC meldet kein Gerät</translation>
    </message>
    <message>
        <source>preview sound could not be put on '{name}' ({why}): the preview stays muted so that it cannot reach the program sound; choose another device</source>
        <translation>Vorschau-Ton konnte nicht auf „{name}“ gelegt werden ({why}): die Vorschau bleibt stumm, damit sie nicht in den Sendeton gelangt; bitte ein anderes Gerät wählen</translation>
    </message>
    <message>
        <source>cannot be checked: {error}</source>
        <extracomment>Frame rates that play smoothly on the 25 fps stream; others get a warning. Landscape frame sizes that need no comment. :attr:`MediaInfo.fault`: the file is not there, libVLC could not check it, it has no picture. Why it cannot play, for code (the problem text is in the user's language): a ProbeFault or "".</extracomment>
        <translation>kann nicht geprüft werden: {error}</translation>
    </message>
    <message>
        <source>cannot be checked: libVLC failed ({error})</source>
        <translation>kann nicht geprüft werden: libVLC ist gescheitert ({error})</translation>
    </message>
    <message>
        <source>cannot be decoded: libVLC did not finish reading it in {seconds} s</source>
        <translation>nicht decodierbar: libVLC hat sie nicht innerhalb von {seconds} s fertig gelesen</translation>
    </message>
    <message>
        <source>not a video file</source>
        <translation>keine Videodatei</translation>
    </message>
    <message>
        <source>cannot be decoded: no audio or video found in it</source>
        <translation>nicht decodierbar: weder Ton noch Video darin gefunden</translation>
    </message>
    <message>
        <source>no video track (audio only)</source>
        <translation>keine Videospur (nur Ton)</translation>
    </message>
    <message>
        <source>not a video file (no video track)</source>
        <translation>keine Videodatei (keine Videospur)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unusual frame rate {fps} fps (the stream runs at 25 fps; motion may judder)</source>
        <translation>ungewöhnliche Bildrate {fps} fps (der Stream läuft mit 25 fps; Bewegungen können ruckeln)</translation>
    </message>
    <message>
        <source>vertical video {w}x{h} (shown with black bars left and right)</source>
        <translation>Hochkant-Video {w}x{h} (mit schwarzen Balken links und rechts)</translation>
    </message>
    <message>
        <source>odd size {w}x{h} (not a standard 16:9 size; it will be scaled)</source>
        <translation>ungewöhnliche Größe {w}x{h} (keine übliche 16:9-Größe; wird skaliert)</translation>
    </message>
    <message>
        <source>no audio track (the clip is silent)</source>
        <translation>keine Tonspur (der Einspieler ist stumm)</translation>
    </message>
    <message>
        <source>video cannot be shown: Qt runs on '{platform}', libVLC can only draw into xcb (X11/XWayland), Windows or macOS windows. Start with QT_QPA_PLATFORM=xcb.</source>
        <translation>Video kann nicht gezeigt werden: Qt läuft auf „{platform}“, libVLC kann nur in xcb- (X11/XWayland), Windows- oder macOS-Fenster zeichnen. Mit QT_QPA_PLATFORM=xcb starten.</translation>
    </message>
    <message>
        <source>file was replaced since the show was loaded: {path}</source>
        <translation>Datei wurde ersetzt, seit die Sendung geladen wurde: {path}</translation>
    </message>
    <message>
        <source>file changed on disk after it was armed; started the new file cold</source>
        <translation>Datei wurde nach dem Vorbereiten auf der Festplatte geändert; die neue Datei wurde kalt gestartet</translation>
    </message>
    <message>
        <source>stopped (panic)</source>
        <translation>gestoppt (Notfall)</translation>
    </message>
    <message>
        <source>did not start within {seconds} s (cannot be decoded?)</source>
        <translation>nicht innerhalb von {seconds} s gestartet (nicht decodierbar?)</translation>
    </message>
    <message>
        <source>cannot be played: damaged</source>
        <translation>nicht abspielbar: beschädigt</translation>
    </message>
    <message>
        <source>clip "{name}" is stalled at {position}: the picture is frozen (file changed or damaged?)</source>
        <translation>Einspieler „{name}“ hängt bei {position}: das Bild steht (Datei geändert oder beschädigt?)</translation>
    </message>
    <message>
        <source>clip "{name}" changed on disk while on air (at {position}): the picture may freeze or break up (file changed or damaged?)</source>
        <translation>Einspieler „{name}“ wurde auf Sendung auf der Festplatte geändert (bei {position}): das Bild kann stehen bleiben oder zerfallen (Datei geändert oder beschädigt?)</translation>
    </message>
    <message>
        <source>cannot be played</source>
        <translation>nicht abspielbar</translation>
    </message>
    <message>
        <source>cannot be decoded: no picture came out of it</source>
        <translation>nicht decodierbar: es kam kein Bild heraus</translation>
    </message>
    <message>
        <source>no poster frame: {error}</source>
        <translation>kein Vorschaubild: {error}</translation>
    </message>
    <message>
        <source>libVLC could not start with the options {options} (bad option or plugins missing: {hint}). Clip segments cannot play.</source>
        <translation>libVLC konnte mit den Optionen {options} nicht starten (falsche Option oder Plugins fehlen: {hint}). Einspieler können nicht laufen.</translation>
    </message>
    <message>
        <source>libVLC could not play it (not a video file, damaged, or unreadable)</source>
        <translation>libVLC konnte sie nicht abspielen (keine Videodatei, beschädigt oder nicht lesbar)</translation>
    </message>
    <message>
        <source>libVLC could not create a player</source>
        <translation>libVLC konnte keinen Player anlegen</translation>
    </message>
    <message>
        <source>libVLC could not open the file</source>
        <translation>libVLC konnte die Datei nicht öffnen</translation>
    </message>
    <message>
        <source>libVLC could not start playing the file</source>
        <translation>libVLC konnte die Datei nicht abspielen</translation>
    </message>
    <message>
        <source>install VLC 3 (64-bit) from https://www.videolan.org</source>
        <translation>VLC 3 (64 Bit) von https://www.videolan.org installieren</translation>
    </message>
    <message>
        <source>install VLC 3 from https://www.videolan.org into /Applications</source>
        <translation>VLC 3 von https://www.videolan.org in /Applications installieren</translation>
    </message>
    <message>
        <source>install VLC 3 (Debian: apt install libvlc5 vlc-plugin-base vlc-plugin-video-output)</source>
        <translation>VLC 3 installieren (Debian: apt install libvlc5 vlc-plugin-base vlc-plugin-video-output)</translation>
    </message>
    <message>
        <source>libVLC 3 is not installed: {hint}. Clip segments cannot play.</source>
        <translation>libVLC 3 ist nicht installiert: {hint}. Einspieler können nicht laufen.</translation>
    </message>
    <message>
        <source>libVLC {version} is not supported, libVLC 3 is needed: {hint}. Clip segments cannot play.</source>
        <translation>libVLC {version} wird nicht unterstützt, libVLC 3 wird gebraucht: {hint}. Einspieler können nicht laufen.</translation>
    </message>
    <message>
        <source>libVLC {version} is installed but does not start (plugins missing?): {hint}. Clip segments cannot play.</source>
        <translation>libVLC {version} ist installiert, startet aber nicht (Plugins fehlen?): {hint}. Einspieler können nicht laufen.</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>defekt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>clip could not be probed: {error}</source>
        <translation>Einspieler konnte nicht untersucht werden: {error}</translation>
    </message>
    <message>
        <source>clip is {duration}, longer than the planned {planned}</source>
        <translation>Einspieler ist {duration} lang, länger als die geplanten {planned}</translation>
    </message>
    <message>
        <source>clip is {duration}, shorter than the planned {planned}</source>
        <translation>Einspieler ist {duration} lang, kürzer als die geplanten {planned}</translation>
    </message>
    <message>
        <source>check failed: {error}</source>
        <extracomment>A copy or an editor writes in several steps: look again when the folder was quiet this long. The fallback: every clip file's identity is read this often (a stat per clip).</extracomment>
        <translation>Prüfung gescheitert: {error}</translation>
    </message>
</context>
<context>
    <name>ClipChooser</name>
    <message>
        <source>Video (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.mxf *.ts *.mpg *.mpeg);;All files (*)</source>
        <translation>Video (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.mxf *.ts *.mpg *.mpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Copy the clip beside the show?</source>
        <translation>Einspieler neben die Sendung kopieren?</translation>
    </message>
    <message>
        <source>“%1” is outside the show's folder. Copy it into clips/ beside the show file, so the show folder has everything it needs?</source>
        <translation>„%1“ liegt außerhalb des Sendungsordners. In clips/ neben die Sendungsdatei kopieren, damit der Sendungsordner alles enthält, was er braucht?</translation>
    </message>
    <message>
        <source>Copy into clips/</source>
        <translation>In clips/ kopieren</translation>
    </message>
    <message>
        <source>Use it where it is</source>
        <translation>Am bisherigen Ort verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose the clip</source>
        <translation>Einspieler wählen</translation>
    </message>
    <message>
        <source>Clip not copied</source>
        <translation>Einspieler nicht kopiert</translation>
    </message>
    <message>
        <source>The clip could not be copied (%1); its own path is used.</source>
        <translation>Der Einspieler konnte nicht kopiert werden (%1); sein eigener Pfad wird verwendet.</translation>
    </message>
</context>
<context>
    <name>ClipList</name>
    <message>
        <source>from the file</source>
        <translation>aus der Datei</translation>
    </message>
    <message>
        <source>planned {planned}</source>
        <translation>geplant {planned}</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>OSC commands from other computers must give the PIN as their first argument (UDP senders can be forged)</source>
        <translation>OSC-Befehle von anderen Rechnern müssen die PIN als erstes Argument mitgeben (UDP-Absender lassen sich fälschen)</translation>
    </message>
    <message>
        <source>also take HTTP commands with ?pin=PIN in the address (for buttons that cannot send a header; a web page could then send commands through a browser that knows the PIN)</source>
        <translation>HTTP-Befehle auch mit ?pin=PIN in der Adresse annehmen (für Tasten, die keinen Header senden können; eine Webseite könnte dann über einen Browser Befehle senden, wenn sie die PIN kennt)</translation>
    </message>
    <message>
        <source>the following arguments are required: {args}</source>
        <translation>diese Argumente fehlen: {args}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {args}</source>
        <translation>unbekannte Argumente: {args}</translation>
    </message>
    <message>
        <source>argument {argument}: expected one argument</source>
        <translation>Argument {argument}: ein Wert erwartet</translation>
    </message>
    <message>
        <source>argument {argument}: invalid choice: {value} (choose from {choices})</source>
        <translation>Argument {argument}: ungültige Wahl: {value} (möglich: {choices})</translation>
    </message>
    <message>
        <source>argument {argument}: {message}</source>
        <translation>Argument {argument}: {message}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>"{text}" is not a screen number (0, 1, 2, …)</source>
        <translation>„{text}“ ist keine Bildschirmnummer (0, 1, 2, …)</translation>
    </message>
    <message>
        <source>Run a live-streamed show: director, moderator and program output windows.</source>
        <translation>Eine live gestreamte Sendung fahren: Regie-, Moderations- und Sendebild-Fenster.</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>the show file (default: the windows reopen the latest run's show, --check checks the bundled show)</source>
        <translation>die Sendungsdatei (Standard: die Fenster öffnen die Sendung des letzten Durchlaufs wieder, --check prüft die mitgelieferte Sendung)</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>the language of the windows and messages (default: the one chosen in the app, else the system's); with --as-run also the CSV for Excel (de: ';' and a UTF-8 BOM)</source>
        <translation>die Sprache der Fenster und Meldungen (Standard: die in der App gewählte, sonst die des Systems); mit --as-run auch die CSV für Excel (de: „;“ und UTF-8-BOM)</translation>
    </message>
    <message>
        <source>check the show file and every clip, then exit</source>
        <translation>Sendungsdatei und alle Einspieler prüfen, dann beenden</translation>
    </message>
    <message>
        <source>with --check: print the result as JSON</source>
        <translation>mit --check: Ergebnis als JSON ausgeben</translation>
    </message>
    <message>
        <source>program output fullscreen on screen N (0-based)</source>
        <translation>Sendebild im Vollbild auf Bildschirm N (ab 0 gezählt)</translation>
    </message>
    <message>
        <source>moderator window fullscreen on screen N</source>
        <translation>Moderationsfenster im Vollbild auf Bildschirm N</translation>
    </message>
    <message>
        <source>keep every window windowed (rehearsals)</source>
        <translation>alle Fenster im Fenstermodus lassen (Proben)</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZEICHNIS</translation>
    </message>
    <message>
        <source>where journals (crash recovery, as-run) are kept (default: the per-user data folder)</source>
        <translation>wo die Journale (Absturzsicherung, Sendeprotokoll) liegen (Standard: der Datenordner des Benutzers)</translation>
    </message>
    <message>
        <source>start in standby with a new journal, even if a run was interrupted</source>
        <translation>in Bereit mit neuem Journal starten, auch wenn ein Durchlauf unterbrochen wurde</translation>
    </message>
    <message>
        <source>print the as-run record of the latest run as CSV</source>
        <translation>das Sendeprotokoll des letzten Durchlaufs als CSV ausgeben</translation>
    </message>
    <message>
        <source>with --as-run: the log of messages, stops to black and clip failures instead of the airings</source>
        <translation>mit --as-run: das Protokoll der Nachrichten, Schwarz-Stopps und Einspieler-Fehler statt der Sendungen</translation>
    </message>
    <message>
        <source>with --as-run: the run's audience questions (received, shown, answered or dropped)</source>
        <translation>mit --as-run: die Zuschauerfragen des Durchlaufs (eingegangen, gezeigt, beantwortet oder verworfen)</translation>
    </message>
    <message>
        <source>with --as-run: write as-run-&lt;date of the run&gt;-&lt;show&gt;.csv and …-log.csv into DIR instead of printing</source>
        <translation>mit --as-run: as-run-&lt;Datum des Durchlaufs&gt;-&lt;Sendung&gt;.csv und …-log.csv in VERZEICHNIS schreiben statt ausgeben</translation>
    </message>
    <message>
        <source>rehearse: plan the running order from the first GO, so early/late and the hard out mean something</source>
        <translation>proben: den Ablauf ab dem ersten GO planen, damit zu früh/zu spät und der Sendeschluss etwas bedeuten</translation>
    </message>
    <message>
        <source>with --as-run: list the runs kept, newest first</source>
        <translation>mit --as-run: die gespeicherten Durchläufe auflisten, neueste zuerst</translation>
    </message>
    <message>
        <source>with --as-run: the run with this id (from --as-run --list)</source>
        <translation>mit --as-run: der Durchlauf mit dieser ID (aus --as-run --list)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>keep FILE updated with the show state as JSON (monitoring, end-to-end tests)</source>
        <translation>DATEI laufend mit dem Sendungszustand als JSON aktualisieren (Überwachung, End-to-End-Tests)</translation>
    </message>
    <message>
        <source>make a show file from an Ontime project (.json) or a spreadsheet (.xlsx, .csv); with --output SHOW.yaml</source>
        <translation>eine Sendungsdatei aus einem Ontime-Projekt (.json) oder einer Tabelle (.xlsx, .csv) erstellen; mit --output SHOW.yaml</translation>
    </message>
    <message>
        <source>with --import: the show file to write</source>
        <translation>mit --import: die zu schreibende Sendungsdatei</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>die Version zeigen und beenden</translation>
    </message>
    <message>
        <source>presenter: --output goes with --import FILE</source>
        <translation>presenter: --output geht nur mit --import DATEI</translation>
    </message>
    <message>
        <source>presenter: --json goes with --check</source>
        <translation>presenter: --json geht nur mit --check</translation>
    </message>
    <message>
        <source>presenter: --list and --run go with --as-run</source>
        <translation>presenter: --list und --run gehen nur mit --as-run</translation>
    </message>
    <message>
        <source>presenter: --log, --questions and --to go with --as-run</source>
        <translation>presenter: --log, --questions und --to gehören zu --as-run</translation>
    </message>
    <message>
        <source>presenter: --log or --questions, not both</source>
        <translation>presenter: --log oder --questions, nicht beides</translation>
    </message>
    <message>
        <source>presenter: --osc-allow and --osc-feedback go with --osc</source>
        <translation>presenter: --osc-allow und --osc-feedback gehören zu --osc</translation>
    </message>
    <message>
        <source>presenter: no run "{run}" in {path} (see --as-run --list)</source>
        <translation>presenter: kein Durchlauf „{run}“ in {path} (siehe --as-run --list)</translation>
    </message>
    <message>
        <source>presenter: no run of {show} in {path}</source>
        <translation>presenter: kein Durchlauf von {show} in {path}</translation>
    </message>
    <message>
        <source>presenter: no run at all in {path}</source>
        <translation>presenter: überhaupt kein Durchlauf in {path}</translation>
    </message>
    <message>
        <source>presenter: cannot read the journal: {exc}</source>
        <translation>presenter: das Journal kann nicht gelesen werden: {exc}</translation>
    </message>
    <message>
        <source>presenter: cannot write the as-run into {to}: {error}</source>
        <translation>presenter: das Sendeprotokoll kann nicht in {to} geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>presenter: no run in {path}</source>
        <translation>presenter: kein Durchlauf in {path}</translation>
    </message>
    <message>
        <source>{id:&lt;40}  {started:&lt;19}  {gos:&gt;4}  {state:&lt;24}  show</source>
        <translation>{id:&lt;40}  {started:&lt;19}  {gos:&gt;4}  {state:&lt;24}  Sendung</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>started</source>
        <translation>begonnen</translation>
    </message>
    <message>
        <source>GOs</source>
        <translation>GOs</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>clips not probed: {exc}</source>
        <translation>Einspieler nicht geprüft: {exc}</translation>
    </message>
    <message>
        <source>remote control</source>
        <translation>Fernsteuerung</translation>
    </message>
    <message>
        <source>browser views, HTTP API and WebSocket on this port (HOST 127.0.0.1 unless given)</source>
        <translation>Browser-Ansichten, HTTP-API und WebSocket auf diesem Port (HOST 127.0.0.1, wenn nicht angegeben)</translation>
    </message>
    <message>
        <source>OSC commands over UDP on this port (HOST 127.0.0.1 unless given)</source>
        <translation>OSC-Befehle über UDP auf diesem Port (HOST 127.0.0.1, wenn nicht angegeben)</translation>
    </message>
    <message>
        <source>also take OSC commands from this address (loopback always; repeat for more)</source>
        <translation>OSC-Befehle auch von dieser Adresse annehmen (Loopback immer; für mehrere wiederholen)</translation>
    </message>
    <message>
        <source>send the time left, phase and segment once a second over OSC to HOST:PORT</source>
        <translation>Restzeit, Phase und Segment einmal pro Sekunde per OSC an HOST:PORT senden</translation>
    </message>
    <message>
        <source>the control PIN for remote commands (default: the one remembered, else a new one)</source>
        <translation>die Steuer-PIN für Fernbefehle (Standard: die gemerkte, sonst eine neue)</translation>
    </message>
    <message>
        <source>the browser views need ?key=KEY (default: views are open)</source>
        <translation>die Browser-Ansichten brauchen ?key=KEY (Standard: Ansichten sind offen)</translation>
    </message>
    <message>
        <source>"{text}" is not an OBS address like 127.0.0.1:4455 or ws://obs-pc:4455</source>
        <translation>„{text}“ ist keine OBS-Adresse wie 127.0.0.1:4455 oder ws://obs-pc:4455</translation>
    </message>
    <message>
        <source>follow the show in OBS Studio (obs-websocket 5) and show the stream's health; with --check: list the scenes the show needs that OBS lacks. Password: PRESENTER_OBS_PASSWORD or the settings</source>
        <translation>OBS Studio folgt der Sendung (obs-websocket 5), der Zustand des Streams wird angezeigt; mit --check: die Szenen auflisten, die die Sendung braucht und OBS fehlen. Passwort: PRESENTER_OBS_PASSWORD oder die Einstellungen</translation>
    </message>
</context>
<context>
    <name>DirectorHeader</name>
    <message>
        <source>idle</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>vorbereitet</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Output: none (clips cannot play)</source>
        <translation>Ausgabe: keine (Einspieler können nicht laufen)</translation>
    </message>
    <message>
        <source>Output: {state}</source>
        <translation>Ausgabe: {state}</translation>
    </message>
    <message>
        <source> · armed: {segment}</source>
        <translation> · vorbereitet: {segment}</translation>
    </message>
    <message>
        <source>What the program output shows</source>
        <translation>Was das Sendebild zeigt</translation>
    </message>
    <message>
        <source> · REHEARSAL (times on {day})</source>
        <translation> · PROBE (Zeiten am {day})</translation>
    </message>
</context>
<context>
    <name>DirectorKeys</name>
    <message>
        <source>Keys: Space = GO · Esc = stop to black · Ctrl+M = write a message · Enter = send it · Esc in a text field = leave it · double-click a row = make it next · Q = show the next question · N = answered, next · Shift+Q = question off · PgUp/PgDown = moderator's talking points</source>
        <translation>Tasten: Leertaste = GO · Esc = Schwarz · Strg+M = Nachricht schreiben · Enter = senden · Esc im Textfeld = verlassen · Doppelklick auf eine Zeile = als Nächstes · Q = nächste Frage zeigen · N = beantwortet, nächste · Umschalt+Q = Frage ausblenden · Bild auf/Bild ab = Stichpunkte der Moderation</translation>
    </message>
</context>
<context>
    <name>DirectorWindow</name>
    <message>
        <source>Director — {title} — Presenter</source>
        <translation>Regie — {title} — Presenter</translation>
    </message>
    <message>
        <source>Double-click a segment to make it next: GO puts it on air</source>
        <translation>Doppelklick auf ein Segment setzt es als Nächstes: GO bringt es auf Sendung</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Technician preview…</source>
        <translation>Vorschau für die Technik…</translation>
    </message>
    <message>
        <source>Rehearse from now</source>
        <translation>Ab jetzt proben</translation>
    </message>
    <message>
        <source>Open show…</source>
        <translation>Sendung öffnen…</translation>
    </message>
    <message>
        <source>Export as-run…</source>
        <translation>Sendeprotokoll exportieren…</translation>
    </message>
    <message>
        <source>Remote…</source>
        <translation>Fernsteuerung…</translation>
    </message>
    <message>
        <source>OBS settings…</source>
        <translation>OBS-Einstellungen…</translation>
    </message>
    <message>
        <source>Plan the running order from the first GO, so early/late mean something</source>
        <translation>Den Ablauf ab dem ersten GO planen, damit zu früh/zu spät etwas bedeuten</translation>
    </message>
    <message>
        <source>“{title}” is on air. Quitting puts the program output to black and closes the moderator window. The run is kept and is resumed at the next start.</source>
        <translation>„{title}“ ist auf Sendung. Beenden schaltet das Sendebild auf Schwarz und schließt das Moderationsfenster. Der Durchlauf bleibt erhalten und wird beim nächsten Start fortgesetzt.</translation>
    </message>
    <message>
        <source>Quit Presenter? Every window closes.</source>
        <translation>Presenter beenden? Alle Fenster werden geschlossen.</translation>
    </message>
    <message>
        <source>Quit Presenter</source>
        <translation>Presenter beenden</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>New segment</source>
        <translation>Neues Segment</translation>
    </message>
    <message>
        <source>"{key}" contains the control character U+{code:04X}, which YAML does not allow</source>
        <translation>„{key}“ enthält das Steuerzeichen U+{code:04X}, das YAML nicht erlaubt</translation>
    </message>
    <message>
        <source>this edit was too large for the journal (it was not saved either)</source>
        <translation>diese Änderung war zu groß für das Journal (sie wurde auch nicht gespeichert)</translation>
    </message>
    <message>
        <source>{key} is too large</source>
        <translation>{key} ist zu groß</translation>
    </message>
    <message>
        <source>{key} is damaged ({exc})</source>
        <translation>{key} ist beschädigt ({exc})</translation>
    </message>
    <message>
        <source>{key} is not a running order</source>
        <translation>{key} ist kein Ablauf</translation>
    </message>
    <message>
        <source>there is no segment {number} in the running order</source>
        <translation>es gibt kein Segment {number} im Ablauf</translation>
    </message>
    <message>
        <source>unknown key "{unknown}" in segment {number}</source>
        <translation>unbekannter Schlüssel „{unknown}“ in Segment {number}</translation>
    </message>
    <message>
        <source>unknown key "{unknown}" in the show</source>
        <translation>unbekannter Schlüssel „{unknown}“ in der Sendung</translation>
    </message>
    <message>
        <source>the show is locked while on air; unlock it to edit</source>
        <translation>während der Sendung ist der Ablauf gesperrt; zum Bearbeiten entsperren</translation>
    </message>
</context>
<context>
    <name>EditorFiles</name>
    <message>
        <source>The show file was changed</source>
        <translation>Die Sendungsdatei wurde geändert</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else since it was opened. Which version do you keep?</source>
        <translation>„%1“ wurde seit dem Öffnen von jemand anderem geändert. Welche Fassung behalten?</translation>
    </message>
    <message>
        <source>Keep mine: write the running order as it is here over their change.
Take theirs: use the file as it is now (your unsaved edits are undone; the segment on air stays).
Save as: keep both, yours in another file.</source>
        <translation>Meine Fassung behalten: den Ablauf, wie er hier ist, über die andere Änderung schreiben.
Andere Fassung übernehmen: die Datei so verwenden, wie sie jetzt ist (ungespeicherte Änderungen werden verworfen; das Segment auf Sendung bleibt).
Speichern unter: beide behalten, die eigene in einer anderen Datei.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine Fassung behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Andere Fassung übernehmen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save the show as</source>
        <translation>Sendung speichern unter</translation>
    </message>
    <message>
        <source>Show files (*.yaml *.yml)</source>
        <translation>Sendungsdateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>Neue Sendung</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>Nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Import a running order</source>
        <translation>Ablauf importieren</translation>
    </message>
    <message>
        <source>Ontime project or spreadsheet (*.json *.xlsx *.csv);;All files (*)</source>
        <translation>Ontime-Projekt oder Tabelle (*.json *.xlsx *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Importing %1 … %2 rows read</source>
        <translation>%1 wird importiert … %2 Zeilen gelesen</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>%1 segments imported into %2.</source>
        <translation>%1 Segmente in %2 importiert.</translation>
    </message>
    <message>
        <source>%1 notes on what was not imported:</source>
        <translation>%1 Hinweise zu dem, was nicht importiert wurde:</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export as-run</source>
        <translation>Sendeprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>As-run not saved: {error}</source>
        <translation>Sendeprotokoll nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>As-run saved to {path} (with its log and the questions beside it)</source>
        <translation>Sendeprotokoll gespeichert in {path} (daneben sein Log und die Fragen)</translation>
    </message>
</context>
<context>
    <name>Graphics</name>
    <message>
        <source>on the stream: {what}</source>
        <translation>Im Stream: {what}</translation>
    </message>
    <message>
        <source>lower third {name}, {left} left</source>
        <translation>Bauchbinde {name}, noch {left}</translation>
    </message>
    <message>
        <source>lower third {name}</source>
        <translation>Bauchbinde {name}</translation>
    </message>
    <message>
        <source>question {number}</source>
        <translation>Frage {number}</translation>
    </message>
    <message>
        <source>pre-show countdown</source>
        <translation>Countdown vor der Sendung</translation>
    </message>
</context>
<context>
    <name>GraphicsStrip</name>
    <message>
        <source>Lower third (L)</source>
        <translation>Bauchbinde (L)</translation>
    </message>
    <message>
        <source>Off (Shift+L)</source>
        <translation>Aus (Umschalt+L)</translation>
    </message>
    <message>
        <source>on the stream: no graphics</source>
        <translation>Im Stream: keine Grafik</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{name} cannot be read ({error})</source>
        <translation>{name} kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>{name} is not a file</source>
        <translation>{name} ist keine Datei</translation>
    </message>
    <message>
        <source>{name} is {size:.1f} MB; an import is at most 20 MB</source>
        <translation>{name} ist {size:.1f} MB groß; ein Import darf höchstens 20 MB groß sein</translation>
    </message>
    <message>
        <source>{place}: {what} is longer than {MAX_TEXT} characters and was cut</source>
        <translation>{place}: {what} ist länger als {MAX_TEXT} Zeichen und wurde gekürzt</translation>
    </message>
    <message>
        <source>{place}: {what} {seconds} is not a duration or time (at most a week)</source>
        <translation>{place}: {what} {seconds} ist keine Dauer oder Zeit (höchstens eine Woche)</translation>
    </message>
    <message>
        <source>{place}: {what} {seconds:.3f} s is rounded to {rounded}</source>
        <translation>{place}: {what} {seconds:.3f} s wird auf {rounded} gerundet</translation>
    </message>
    <message>
        <source>{place}: "{title}" has no duration (and no start and end); not imported</source>
        <translation>{place}: „{title}“ hat keine Dauer (und weder Beginn noch Ende); nicht importiert</translation>
    </message>
    <message>
        <source>only the first {MAX_ROWS} rows are imported ({count} given)</source>
        <translation>nur die ersten {MAX_ROWS} Zeilen werden importiert ({count} vorhanden)</translation>
    </message>
    <message>
        <source>no start time given: the show starts at {first_start}; change it in the editor</source>
        <translation>keine Startzeit angegeben: die Sendung beginnt um {first_start}; im Editor ändern</translation>
    </message>
    <message>
        <source>Imported show</source>
        <translation>Importierte Sendung</translation>
    </message>
    <message>
        <source>{place}: the gap of {gap} before "{title}" became a break</source>
        <translation>{place}: die Lücke von {gap} vor „{title}“ wurde zu einer Pause</translation>
    </message>
    <message>
        <source>{place}: "{title}" starts {gap} before the one before ends; it follows it in the running order</source>
        <translation>{place}: „{title}“ beginnt {gap}, bevor das vorige endet; es folgt ihm im Ablauf</translation>
    </message>
    <message>
        <source>{place}: "{title}" not imported: {exc}</source>
        <translation>{place}: „{title}“ nicht importiert: {exc}</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>der Import wurde abgebrochen</translation>
    </message>
    <message>
        <source>{name}: more than {limit} {what}; an import reads at most {limit}</source>
        <translation>{name}: mehr als {limit} {what}; ein Import liest höchstens {limit}</translation>
    </message>
    <message>
        <source>no row could be imported; first problem: {problem}</source>
        <translation>keine Zeile konnte importiert werden; erstes Problem: {problem}</translation>
    </message>
    <message>
        <source>no row could be imported</source>
        <translation>keine Zeile konnte importiert werden</translation>
    </message>
    <message>
        <source>the show runs past midnight: its hard out is set to 23:59; change it in the editor</source>
        <translation>die Sendung läuft über Mitternacht: Sendeschluss wird auf 23:59 gesetzt; im Editor ändern</translation>
    </message>
    <message>
        <source>the imported show is not valid: {exc}</source>
        <translation>die importierte Sendung ist nicht gültig: {exc}</translation>
    </message>
    <message>
        <source>{name} is too large to import</source>
        <translation>{name} ist zu groß für einen Import</translation>
    </message>
    <message>
        <source>{name} cannot be imported ({kind}: {exc})</source>
        <translation>{name} kann nicht importiert werden ({kind}: {exc})</translation>
    </message>
    <message>
        <source>{name}: cannot import {suffix} files; use an Ontime project (.json), .xlsx or .csv</source>
        <translation>{name}: kann nicht importiert werden ({suffix}); ein Ontime-Projekt (.json), .xlsx oder .csv verwenden</translation>
    </message>
    <message>
        <source>{name}: cannot import this file; use an Ontime project (.json), .xlsx or .csv</source>
        <translation>{name}: diese Datei kann nicht importiert werden; ein Ontime-Projekt (.json), .xlsx oder .csv verwenden</translation>
    </message>
    <message>
        <source>presenter: --import needs --output SHOW.yaml (the show file to write)</source>
        <translation>presenter: --import braucht --output SHOW.yaml (die zu schreibende Sendungsdatei)</translation>
    </message>
    <message>
        <source>presenter: {output} exists already; choose another --output (nothing was written)</source>
        <translation>presenter: {output} gibt es schon; bitte ein anderes --output wählen (nichts wurde geschrieben)</translation>
    </message>
    <message>
        <source>presenter: the folder {folder} does not exist (nothing was written)</source>
        <translation>presenter: den Ordner {folder} gibt es nicht (nichts wurde geschrieben)</translation>
    </message>
    <message>
        <source># Imported from {name} by Presenter. Clip paths are relative to this file.
</source>
        <translation># Von Presenter aus {name} importiert. Einspieler-Pfade sind relativ zu dieser Datei.
</translation>
    </message>
    <message>
        <source>presenter: {name} not imported: {exc}</source>
        <translation>presenter: {name} nicht importiert: {exc}</translation>
    </message>
    <message>
        <source>presenter: {output} cannot be written ({error}); nothing was imported</source>
        <translation>presenter: {output} kann nicht geschrieben werden ({error}); nichts wurde importiert</translation>
    </message>
    <message>
        <source>Imported {imported} segments of “{title}” into {output}</source>
        <translation>{imported} Segmente von „{title}“ nach {output} importiert</translation>
    </message>
    <message>
        <source>Imported {imported} segments of “{title}” into {output} ({count} notes above)</source>
        <translation>{imported} Segmente von „{title}“ nach {output} importiert ({count} Hinweise oben)</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text; an Ontime project is JSON</source>
        <translation>{name} ist kein UTF-8-Text; ein Ontime-Projekt ist JSON</translation>
    </message>
    <message>
        <source>{name}:{lineno}:{colno}: not valid JSON ({msg})</source>
        <translation>{name}:{lineno}:{colno}: kein gültiges JSON ({msg})</translation>
    </message>
    <message>
        <source>{name}: nested too deeply</source>
        <translation>{name}: zu tief verschachtelt</translation>
    </message>
    <message>
        <source>{name} is not an Ontime project (no rundown)</source>
        <translation>{name} ist kein Ontime-Projekt (kein Rundown)</translation>
    </message>
    <message>
        <source>entries in the rundown</source>
        <translation>Einträge im Ablauf</translation>
    </message>
    <message>
        <source>the Ontime project has no rundown</source>
        <translation>das Ontime-Projekt hat keinen Rundown</translation>
    </message>
    <message>
        <source>only the rundown {key!r} is imported; not imported: {others}</source>
        <translation>nur der Rundown {key!r} wird importiert; nicht importiert: {others}</translation>
    </message>
    <message>
        <source>the Ontime rundown {key!r} has no entries</source>
        <translation>der Ontime-Rundown {key!r} hat keine Einträge</translation>
    </message>
    <message>
        <source>rundown order: entry {entry_id!r} is missing; not imported</source>
        <translation>Rundown-Reihenfolge: Eintrag {entry_id!r} fehlt; nicht importiert</translation>
    </message>
    <message>
        <source>group {group!r}: entry {child_id!r} is missing; not imported</source>
        <translation>Gruppe {group!r}: Eintrag {child_id!r} fehlt; nicht importiert</translation>
    </message>
    <message>
        <source>the group "{title}" has no events: it is not in the show (a group is a heading, not a segment)</source>
        <translation>die Gruppe „{title}“ hat keine Events: Sie ist nicht in der Sendung (eine Gruppe ist eine Überschrift, kein Segment)</translation>
    </message>
    <message>
        <source>the group "{title}" is a heading in Ontime: its title is in the notes of its {count} event(s)</source>
        <translation>die Gruppe „{title}“ ist in Ontime eine Überschrift: Ihr Titel steht in den Notizen ihrer {count} Event(s)</translation>
    </message>
    <message>
        <source>the group "{title}": not imported: {fields}</source>
        <translation>die Gruppe „{title}“: nicht importiert: {fields}</translation>
    </message>
    <message>
        <source>{place}: {key} {value!r} is not a time in milliseconds; ignored</source>
        <translation>{place}: {key} {value!r} ist keine Zeit in Millisekunden; ignoriert</translation>
    </message>
    <message>
        <source>{place}: {key} is not a text; ignored</source>
        <translation>{place}: {key} ist kein Text; ignoriert</translation>
    </message>
    <message>
        <source>custom fields</source>
        <translation>eigene Felder</translation>
    </message>
    <message>
        <source>event {number} (id {entry_id})</source>
        <translation>Event {number} (ID {entry_id})</translation>
    </message>
    <message>
        <source>event {number}</source>
        <translation>Event {number}</translation>
    </message>
    <message>
        <source>{place}: a delay is a change during Ontime's show, not a part of the plan; not imported</source>
        <translation>{place}: eine Verzögerung ist eine Änderung während der Ontime-Sendung, kein Teil des Plans; nicht importiert</translation>
    </message>
    <message>
        <source>{place}: the milestone "{title}" has no duration; not imported</source>
        <translation>{place}: der Meilenstein „{title}“ hat keine Dauer; nicht importiert</translation>
    </message>
    <message>
        <source>{place}: an entry of type {kind!r} is not known; not imported</source>
        <translation>{place}: ein Eintrag vom Typ {kind!r} ist unbekannt; nicht importiert</translation>
    </message>
    <message>
        <source>Cue {cue}</source>
        <translation>Cue {cue}</translation>
    </message>
    <message>
        <source>Event {number}</source>
        <translation>Event {number}</translation>
    </message>
    <message>
        <source>{place}: the event has no title; it is called "{title}"</source>
        <translation>{place}: das Event hat keinen Titel; es heißt „{title}“</translation>
    </message>
    <message>
        <source>{place}: danger is longer than warning; both left to the show's</source>
        <translation>{place}: danger ist länger als warning; für beide gilt der Wert der Sendung</translation>
    </message>
    <message>
        <source>Group: {group}</source>
        <translation>Gruppe: {group}</translation>
    </message>
    <message>
        <source>levels of nesting</source>
        <translation>Verschachtelungsebenen</translation>
    </message>
    <message>
        <source>objects ({…})</source>
        <translation>Objekte ({…})</translation>
    </message>
    <message>
        <source>{name}: a number of {count} digits; a time in Ontime has at most {limit}</source>
        <translation>{name}: eine Zahl mit {count} Ziffern; eine Zeit in Ontime hat höchstens {limit}</translation>
    </message>
    <message>
        <source>{name}: not valid JSON ({word})</source>
        <translation>{name}: kein gültiges JSON ({word})</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MB; an Ontime project is at most {limit} MB</source>
        <translation>{name} ist größer als {limit} MB; ein Ontime-Projekt hat höchstens {limit} MB</translation>
    </message>
    <message>
        <source>Cue: {cue}</source>
        <translation>Cue: {cue}</translation>
    </message>
    <message>
        <source>Skipped in Ontime</source>
        <translation>In Ontime übersprungen</translation>
    </message>
    <message>
        <source>Ontime version {version} is not known; read as version 4</source>
        <translation>Ontime-Version {version} ist unbekannt; als Version 4 gelesen</translation>
    </message>
    <message>
        <source>event {number}: not an Ontime entry; not imported</source>
        <translation>Event {number}: kein Ontime-Eintrag; nicht importiert</translation>
    </message>
    <message>
        <source>Ontime settings Presenter has no place for, not imported: {known}</source>
        <translation>Ontime-Einstellungen, für die Presenter keinen Platz hat, nicht importiert: {known}</translation>
    </message>
    <message>
        <source>fields not known, not imported: {unknown}</source>
        <translation>unbekannte Felder, nicht importiert: {unknown}</translation>
    </message>
    <message>
        <source>the project's title and description are the show's</source>
        <translation>Titel und Beschreibung des Projekts sind die der Sendung</translation>
    </message>
    <message>
        <source>the project's {fields}: not imported</source>
        <translation>aus dem Projekt nicht importiert: {fields}</translation>
    </message>
    <message>
        <source>the project has no title: the show is called "{title}"</source>
        <translation>das Projekt hat keinen Titel: die Sendung heißt „{title}“</translation>
    </message>
    <message>
        <source>{name} unpacks to {unpacked} MB; an import is at most 200 MB unpacked</source>
        <translation>{name} wird entpackt {unpacked} MB groß; ein Import darf entpackt höchstens 200 MB groß sein</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook (.xlsx) or it is damaged: {exc}</source>
        <translation>{name} ist keine Excel-Arbeitsmappe (.xlsx) oder beschädigt: {exc}</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook ({__name__}: {exc})</source>
        <translation>{name} kann nicht als Excel-Arbeitsmappe gelesen werden ({__name__}: {exc})</translation>
    </message>
    <message>
        <source>{name}: the workbook has no sheet</source>
        <translation>{name}: die Arbeitsmappe hat kein Blatt</translation>
    </message>
    <message>
        <source>the sheet "{chosen}" is imported; not imported: {others}</source>
        <translation>das Blatt „{chosen}“ wird importiert; nicht importiert: {others}</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MB; a table to import is at most {limit} MB</source>
        <translation>{name} ist größer als {limit} MB; eine Tabelle zum Import hat höchstens {limit} MB</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>{name} is not a readable CSV table ({exc})</source>
        <translation>{name} ist keine lesbare CSV-Tabelle ({exc})</translation>
    </message>
    <message>
        <source>{place}: {what} {exc}</source>
        <translation>{place}: {what} {exc}</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>{place}: no title; not imported</source>
        <translation>{place}: kein Titel; nicht importiert</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>Gefahr</translation>
    </message>
    <message>
        <source>{problem}; not imported</source>
        <translation>{problem}; nicht importiert</translation>
    </message>
    <message>
        <source>talking points</source>
        <translation>Stichpunkte</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Ontime columns Presenter has no place for, not imported: {ontime}</source>
        <translation>Ontime-Spalten, für die Presenter keinen Platz hat, nicht importiert: {ontime}</translation>
    </message>
    <message>
        <source>{place}: the group "{title}" has no events: it is not in the show</source>
        <translation>{place}: die Gruppe „{title}“ hat keine Events: Sie ist nicht in der Sendung</translation>
    </message>
    <message>
        <source>{place}: the group "{title}" is a heading: its title is in the notes of its segments</source>
        <translation>{place}: die Gruppe „{title}“ ist eine Überschrift: Ihr Titel steht in den Notizen ihrer Segmente</translation>
    </message>
    <message>
        <source>{place}: the milestone "{title}" is a marker in Ontime; not imported</source>
        <translation>{place}: der Meilenstein „{title}“ ist in Ontime eine Markierung; nicht importiert</translation>
    </message>
    <message>
        <source>{place}: "{title}" is marked skip-import in Ontime; not imported</source>
        <translation>{place}: „{title}“ ist in Ontime als skip-import markiert; nicht importiert</translation>
    </message>
    <message>
        <source>{place}: "{title}" has the type {kind!r}, not known; not imported</source>
        <translation>{place}: „{title}“ hat den unbekannten Typ {kind!r}; nicht importiert</translation>
    </message>
    <message>
        <source>Timer Type {types}: Presenter's segments count down; not imported</source>
        <translation>Timer-Typ {types}: Presenters Segmente zählen rückwärts; nicht importiert</translation>
    </message>
    <message>
        <source>sheet "{sheet}", row {number}</source>
        <translation>Blatt „{sheet}“, Zeile {number}</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>Zeile {number}</translation>
    </message>
    <message>
        <source>{name}: no header row with a title column (Titel/Title) and a time column (Dauer/Duration, Beginn/Start or Ende/End) in its first 30 rows</source>
        <translation>{name}: keine Kopfzeile mit einer Titelspalte (Titel/Title) und einer Zeitspalte (Dauer/Duration, Beginn/Start oder Ende/End) in den ersten 30 Zeilen</translation>
    </message>
    <message>
        <source>columns not known, not imported: {unused}</source>
        <translation>unbekannte Spalten, nicht importiert: {unused}</translation>
    </message>
    <message>
        <source>{name}: {part} declares XML entities, which an Excel workbook never does</source>
        <translation>{name}: {part} deklariert XML-Entitäten, was eine Excel-Arbeitsmappe nie tut</translation>
    </message>
    <message>
        <source>{name}: {part} is not valid XML ({exc})</source>
        <translation>{name}: {part} ist kein gültiges XML ({exc})</translation>
    </message>
    <message>
        <source>{name}: {part} unpacks to {size} MB; at most {limit} MB</source>
        <translation>{name}: {part} ist entpackt {size} MB groß; höchstens {limit} MB</translation>
    </message>
    <message>
        <source>texts in the workbook</source>
        <translation>Texte in der Arbeitsmappe</translation>
    </message>
    <message>
        <source>characters of text in the workbook</source>
        <translation>Zeichen Text in der Arbeitsmappe</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>there is no GO to take back</source>
        <translation>es gibt kein GO zum Zurücknehmen</translation>
    </message>
    <message>
        <source>the journal cannot be written ({error}): a crash now would lose the show state</source>
        <translation>das Journal kann nicht geschrieben werden ({error}): ein Absturz jetzt würde den Sendungszustand verlieren</translation>
    </message>
    <message>
        <source>journal {name}: line {number} is too long ({size} KiB); it is ignored</source>
        <translation>Journal {name}: Zeile {number} ist zu lang ({size} KiB); sie wird ignoriert</translation>
    </message>
    <message>
        <source>journal {name}: its last line was cut off (power loss?); that entry is ignored</source>
        <translation>Journal {name}: die letzte Zeile ist abgeschnitten (Stromausfall?); dieser Eintrag wird ignoriert</translation>
    </message>
    <message>
        <source>journal {name}: line {number} is damaged; that entry is ignored</source>
        <translation>Journal {name}: Zeile {number} ist beschädigt; dieser Eintrag wird ignoriert</translation>
    </message>
    <message>
        <source>journal {name}: its first line (which show, which day) is damaged; the day {day} is taken from the file name</source>
        <translation>Journal {name}: die erste Zeile (welche Sendung, welcher Tag) ist beschädigt; der Tag {day} wird aus dem Dateinamen genommen</translation>
    </message>
    <message>
        <source>journal {name}: its first line (which show, which day) is damaged</source>
        <translation>Journal {name}: die erste Zeile (welche Sendung, welcher Tag) ist beschädigt</translation>
    </message>
    <message>
        <source>{key} is not a number</source>
        <translation>{key} ist keine Zahl</translation>
    </message>
    <message>
        <source>{key} {value:g} is out of range</source>
        <translation>{key} {value:g} liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>{key} is not text</source>
        <translation>{key} ist kein Text</translation>
    </message>
    <message>
        <source>{key} is too long</source>
        <translation>{key} ist zu lang</translation>
    </message>
    <message>
        <source>{key} is not true or false</source>
        <translation>{key} ist weder true noch false</translation>
    </message>
    <message>
        <source>its time (wall) is missing or not a date and time</source>
        <translation>seine Zeit (wall) fehlt oder ist kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>its time {wall!r} is not a date and time</source>
        <translation>seine Zeit {wall!r} ist kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>its time {wall!r} is out of range</source>
        <translation>seine Zeit {wall!r} liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>no segment {segment!r} in the show file</source>
        <translation>kein Segment {segment!r} in der Sendungsdatei</translation>
    </message>
    <message>
        <source>a field is missing</source>
        <translation>ein Feld fehlt</translation>
    </message>
    <message>
        <source>journal line {line} ({op}) is ignored: {why}</source>
        <translation>Journalzeile {line} ({op}) wird ignoriert: {why}</translation>
    </message>
    <message>
        <source>journal line {line} is ignored: {why}</source>
        <translation>Journalzeile {line} wird ignoriert: {why}</translation>
    </message>
    <message>
        <source>a journal entry ({op}) is ignored: {why}</source>
        <translation>ein Journaleintrag ({op}) wird ignoriert: {why}</translation>
    </message>
    <message>
        <source>a journal entry is ignored: {why}</source>
        <translation>ein Journaleintrag wird ignoriert: {why}</translation>
    </message>
    <message>
        <source>durations is not a table</source>
        <translation>durations ist keine Tabelle</translation>
    </message>
    <message>
        <source>durations has a name that is not text</source>
        <translation>durations enthält einen Namen, der kein Text ist</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>es ist kein Objekt</translation>
    </message>
    <message>
        <source>it has no entry type (op)</source>
        <translation>es hat keinen Eintragstyp (op)</translation>
    </message>
    <message>
        <source>unknown entry {op!r}</source>
        <translation>unbekannter Eintrag {op!r}</translation>
    </message>
    <message>
        <source>a message has an unknown lifetime</source>
        <translation>eine Nachricht hat eine unbekannte Lebensdauer</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>{language} is used from the next start of Presenter: the show is not interrupted.</source>
        <translation>{language} gilt ab dem nächsten Start von Presenter: die Sendung wird nicht unterbrochen.</translation>
    </message>
    <message>
        <source>Restart the windows now in {language}?</source>
        <translation>Fenster jetzt auf {language} neu starten?</translation>
    </message>
    <message>
        <source>{language} is used from the next start of Presenter.</source>
        <translation>{language} gilt ab dem nächsten Start von Presenter.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Presenter — show file problem</source>
        <translation>Presenter — Problem mit der Sendungsdatei</translation>
    </message>
    <message>
        <source>The show file cannot be used:

{exc}</source>
        <translation>Die Sendungsdatei kann nicht verwendet werden:

{exc}</translation>
    </message>
    <message>
        <source>Fix the file and press Retry, or open another show file.</source>
        <translation>Datei korrigieren und „Erneut versuchen“ drücken oder eine andere Sendungsdatei öffnen.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Andere öffnen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Open show file</source>
        <translation>Sendungsdatei öffnen</translation>
    </message>
    <message>
        <source>Show files (*.yaml *.yml)</source>
        <translation>Sendungsdateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Internal error (the show goes on): {value!r}</source>
        <translation>Interner Fehler (die Sendung läuft weiter): {value!r}</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Video codec</source>
        <translation>Video-Codec</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>Bildrate</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Audio codec</source>
        <translation>Audio-Codec</translation>
    </message>
    <message>
        <source>Audio channels</source>
        <translation>Audiokanäle</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} Byte</translation>
    </message>
    <message>
        <source>{value} {unit} ({size} bytes)</source>
        <translation>{value} {unit} ({size} Byte)</translation>
    </message>
    <message>
        <source>1 (mono)</source>
        <translation>1 (mono)</translation>
    </message>
    <message>
        <source>2 (stereo)</source>
        <translation>2 (Stereo)</translation>
    </message>
    <message>
        <source>6 (5.1)</source>
        <translation>6 (5.1)</translation>
    </message>
    <message>
        <source>none (no video track)</source>
        <translation>keine (keine Videospur)</translation>
    </message>
    <message>
        <source>{fps} fps</source>
        <translation>{fps} fps</translation>
    </message>
    <message>
        <source>none (silent)</source>
        <translation>keine (stumm)</translation>
    </message>
    <message>
        <source>{rate} Hz</source>
        <translation>{rate} Hz</translation>
    </message>
    <message>
        <source>{duration} ({seconds} s)</source>
        <translation>{duration} ({seconds} s)</translation>
    </message>
    <message>
        <source>Media information</source>
        <translation>Medieninformationen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>✓ plays</source>
        <translation>✓ spielt</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>Please wrap up</source>
        <translation>Bitte zum Ende kommen</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>Noch 1 Minute</translation>
    </message>
    <message>
        <source>Question from the chat</source>
        <translation>Frage aus dem Chat</translation>
    </message>
    <message>
        <source>Speak up</source>
        <translation>Bitte lauter</translation>
    </message>
    <message>
        <source> · until the next GO</source>
        <translation> · bis zum nächsten GO</translation>
    </message>
    <message>
        <source> · until cleared</source>
        <translation> · bis zum Löschen</translation>
    </message>
    <message>
        <source>Message to the moderator (Ctrl+M)</source>
        <translation>Nachricht an die Moderation (Strg+M)</translation>
    </message>
    <message>
        <source>Type a short message, Enter sends it, Esc leaves the field</source>
        <translation>Kurze Nachricht eingeben, Enter sendet sie, Esc verlässt das Feld</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>Blinken</translation>
    </message>
    <message>
        <source>Urgent: full screen</source>
        <translation>Dringend: ganzer Bildschirm</translation>
    </message>
    <message>
        <source>The message fills the moderator's screen below a smaller timer</source>
        <translation>Die Nachricht füllt den Bildschirm der Moderation unter einem kleineren Timer</translation>
    </message>
    <message>
        <source>Until the next GO</source>
        <translation>Bis zum nächsten GO</translation>
    </message>
    <message>
        <source>On: the message goes at the next GO. Off: it stays until “Clear”. Every message goes at the end.</source>
        <translation>An: Die Nachricht verschwindet beim nächsten GO. Aus: Sie bleibt bis „Löschen“. Am Ende der Sendung verschwindet jede Nachricht.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Moderator window:</source>
        <translation>Moderationsfenster:</translation>
    </message>
    <message>
        <source>Fullscreen on/off</source>
        <translation>Vollbild an/aus</translation>
    </message>
    <message>
        <source>Points ▲ (PgUp)</source>
        <translation>Stichpunkte ▲ (Bild↑)</translation>
    </message>
    <message>
        <source>The moderator's talking points: the page before (PgUp)</source>
        <translation>Stichpunkte der Moderation: vorige Seite (Bild auf)</translation>
    </message>
    <message>
        <source>Points ▼ (PgDown)</source>
        <translation>Stichpunkte ▼ (Bild↓)</translation>
    </message>
    <message>
        <source>The moderator's talking points: the next page (PgDown)</source>
        <translation>Stichpunkte der Moderation: nächste Seite (Bild ab)</translation>
    </message>
    <message>
        <source>Moderator sees: no message</source>
        <translation>Moderation sieht: keine Nachricht</translation>
    </message>
    <message>
        <source> (blinking)</source>
        <translation> (blinkend)</translation>
    </message>
    <message>
        <source> (full screen)</source>
        <translation> (Vollbild)</translation>
    </message>
    <message>
        <source> · for {age}</source>
        <translation> · seit {age}</translation>
    </message>
    <message>
        <source>Moderator sees: “{text}”{blinking}</source>
        <translation>Moderation sieht: „{text}“{blinking}</translation>
    </message>
</context>
<context>
    <name>ModeratorQuestionPanel</name>
    <message>
        <source>a viewer</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>QUESTION from {who} ({source})</source>
        <translation>FRAGE von {who} ({source})</translation>
    </message>
    <message>
        <source>no more questions</source>
        <translation>keine weiteren Fragen</translation>
    </message>
    <message>
        <source>1 question waiting</source>
        <translation>1 Frage wartet</translation>
    </message>
    <message numerus="yes">
        <source>%n questions waiting</source>
        <translation>
            <numerusform>%n Frage wartet</numerusform>
            <numerusform>%n Fragen warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModeratorView</name>
    <message>
        <source>STANDBY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>WRAP UP</source>
        <translation>ZUM SCHLUSS KOMMEN</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>SCHLUSS</translation>
    </message>
    <message>
        <source>OVERTIME</source>
        <translation>ÜBERZOGEN</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>{time} late</source>
        <translation>{time} zu spät</translation>
    </message>
    <message>
        <source>{time} early</source>
        <translation>{time} zu früh</translation>
    </message>
    <message>
        <source>ended {time}</source>
        <translation>beendet {time}</translation>
    </message>
    <message>
        <source>ends {time}</source>
        <translation>endet {time}</translation>
    </message>
    <message>
        <source>{end} — {time} past hard out</source>
        <translation>{end} — {time} nach Sendeschluss</translation>
    </message>
    <message>
        <source>{end} · hard out {time}</source>
        <translation>{end} · Sendeschluss {time}</translation>
    </message>
    <message>
        <source>start overdue by</source>
        <translation>Start überfällig seit</translation>
    </message>
    <message>
        <source>rehearsal — starts with the first GO</source>
        <translation>Probe — beginnt mit dem ersten GO</translation>
    </message>
    <message>
        <source>on air in</source>
        <translation>auf Sendung in</translation>
    </message>
    <message>
        <source>off air</source>
        <translation>nicht auf Sendung</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>bis {time}</translation>
    </message>
    <message>
        <source>clip paused · back on air in</source>
        <translation>Pause · zurück auf Sendung in</translation>
    </message>
    <message>
        <source>clip ended</source>
        <translation>Einspieler beendet</translation>
    </message>
    <message>
        <source>back on air in</source>
        <translation>zurück auf Sendung in</translation>
    </message>
    <message>
        <source>clip ended – stand by for the director's GO</source>
        <translation>Einspieler zu Ende – warten auf GO der Regie</translation>
    </message>
    <message>
        <source>to {name}</source>
        <translation>an {name}</translation>
    </message>
    <message>
        <source>CLIP</source>
        <translation>EINSPIELER</translation>
    </message>
    <message>
        <source>over by</source>
        <translation>DRÜBER</translation>
    </message>
    <message>
        <source>remaining</source>
        <translation>NOCH</translation>
    </message>
    <message>
        <source>clip failed – you are live</source>
        <translation>Einspieler ausgefallen – Sie sind auf Sendung</translation>
    </message>
    <message>
        <source>Next: end of show</source>
        <translation>Danach: Sendeschluss</translation>
    </message>
    <message>
        <source>hard out {time}</source>
        <translation>Sendeschluss {time}</translation>
    </message>
    <message>
        <source>Next: {title} (clip)</source>
        <translation>Danach: {title} (Einspieler)</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Danach: {title}</translation>
    </message>
</context>
<context>
    <name>ModeratorWindow</name>
    <message>
        <source>Moderator — {title}</source>
        <translation>Moderation — {title}</translation>
    </message>
    <message>
        <source>1 question waiting</source>
        <translation>1 Frage wartet</translation>
    </message>
    <message numerus="yes">
        <source>%n questions waiting</source>
        <translation>
            <numerusform>%n Frage wartet</numerusform>
            <numerusform>%n Fragen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>moderator screen {screen_index} does not exist (1 screen); using screen {fallback}</source>
        <translation>Moderationsbildschirm {screen_index} gibt es nicht (1 Bildschirm); es wird Bildschirm {fallback} verwendet</translation>
    </message>
    <message numerus="yes">
        <source>moderator screen {screen_index} does not exist (%n screens); using screen {fallback}</source>
        <translation>
            <numerusform>Moderationsbildschirm {screen_index} gibt es nicht (%n Bildschirm); es wird Bildschirm {fallback} verwendet</numerusform>
            <numerusform>Moderationsbildschirm {screen_index} gibt es nicht (%n Bildschirme); es wird Bildschirm {fallback} verwendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>moderator screen {index} does not exist (%n screens); the window stays where it is</source>
        <translation>
            <numerusform>Moderationsbildschirm {index} gibt es nicht (%n Bildschirm); das Fenster bleibt, wo es ist</numerusform>
            <numerusform>Moderationsbildschirm {index} gibt es nicht (%n Bildschirme); das Fenster bleibt, wo es ist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Obs</name>
    <message>
        <source>OBS not reachable at {address}</source>
        <translation>OBS unter {address} nicht erreichbar</translation>
    </message>
    <message>
        <source>The show names no OBS scenes (obs: scenes: or obs_scene:)</source>
        <translation>Die Sendung nennt keine OBS-Szenen (obs: scenes: oder obs_scene:)</translation>
    </message>
    <message>
        <source>OBS ({address}) has every scene the show names ({count})</source>
        <translation>OBS ({address}) hat jede Szene, die die Sendung nennt ({count})</translation>
    </message>
    <message>
        <source>OBS ({address}) lacks scenes the show names:</source>
        <translation>OBS ({address}) fehlen Szenen, die die Sendung nennt:</translation>
    </message>
    <message>
        <source>OBS is not connected</source>
        <translation>OBS ist nicht verbunden</translation>
    </message>
    <message>
        <source>OBS not reachable at {address} — trying again</source>
        <translation>OBS unter {address} nicht erreichbar — neuer Versuch läuft</translation>
    </message>
    <message>
        <source>OBS refused the password — set it under “OBS settings…” or in PRESENTER_OBS_PASSWORD</source>
        <translation>OBS lehnt das Passwort ab — unter „OBS-Einstellungen…“ oder in PRESENTER_OBS_PASSWORD eintragen</translation>
    </message>
    <message>
        <source>Connection to OBS lost — reconnecting</source>
        <translation>Verbindung zu OBS verloren — verbinde neu</translation>
    </message>
    <message>
        <source>OBS has no scene "{scene}"</source>
        <translation>OBS hat keine Szene „{scene}“</translation>
    </message>
    <message>
        <source>OBS: {scene} — manual</source>
        <translation>OBS: {scene} — von Hand</translation>
    </message>
    <message>
        <source>Stream interrupted — OBS is reconnecting</source>
        <translation>Stream unterbrochen — OBS verbindet neu</translation>
    </message>
    <message>
        <source>The stream is not running: it was stopped in OBS or could not start</source>
        <translation>Der Stream läuft nicht: in OBS beendet oder nicht gestartet</translation>
    </message>
    <message>
        <source>Stream congested ({percent} %) — the upload is too slow</source>
        <translation>Stream überlastet ({percent} %) — der Upload ist zu langsam</translation>
    </message>
    <message>
        <source>Stream dropped {frames} frames ({percent} %)</source>
        <translation>Stream hat {frames} Bilder verloren ({percent} %)</translation>
    </message>
    <message>
        <source>OBS is overloaded: {frames} frames not rendered</source>
        <translation>OBS ist überlastet: {frames} Bilder nicht berechnet</translation>
    </message>
</context>
<context>
    <name>ObsPanel</name>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>Start stream…</source>
        <translation>Stream starten …</translation>
    </message>
    <message>
        <source>Start recording…</source>
        <translation>Aufnahme starten …</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>OBS: off (start with --obs HOST:PORT)</source>
        <translation>OBS: aus (Start mit --obs HOST:PORT)</translation>
    </message>
    <message>
        <source>OBS: connecting to {address}…</source>
        <translation>OBS: verbinde mit {address} …</translation>
    </message>
    <message>
        <source>OBS: connected ({address})</source>
        <translation>OBS: verbunden ({address})</translation>
    </message>
    <message>
        <source>OBS: reconnecting to {address}…</source>
        <translation>OBS: verbinde neu mit {address} …</translation>
    </message>
    <message>
        <source>OBS: not reachable at {address}</source>
        <translation>OBS: unter {address} nicht erreichbar</translation>
    </message>
    <message>
        <source>OBS: wrong password</source>
        <translation>OBS: falsches Passwort</translation>
    </message>
    <message>
        <source>Scene: —</source>
        <translation>Szene: —</translation>
    </message>
    <message>
        <source>Scene: {scene} — manual (the next GO takes over)</source>
        <translation>Szene: {scene} — von Hand (das nächste GO übernimmt)</translation>
    </message>
    <message>
        <source>Scene: {scene} (transition: {transition})</source>
        <translation>Szene: {scene} (Übergang: {transition})</translation>
    </message>
    <message>
        <source>Scene: {scene}</source>
        <translation>Szene: {scene}</translation>
    </message>
    <message>
        <source>{what}: —</source>
        <translation>{what}: —</translation>
    </message>
    <message>
        <source>{what}: off</source>
        <translation>{what}: aus</translation>
    </message>
    <message>
        <source>{what}: paused (since {since}, {timecode})</source>
        <translation>{what}: pausiert (seit {since}, {timecode})</translation>
    </message>
    <message>
        <source>{what}: on since {since} · {timecode}</source>
        <translation>{what}: läuft seit {since} · {timecode}</translation>
    </message>
    <message>
        <source>Frames: {dropped} dropped by the stream, {lagged} not rendered</source>
        <translation>Bilder: {dropped} vom Stream verloren, {lagged} nicht berechnet</translation>
    </message>
</context>
<context>
    <name>ObsSettingsDialog</name>
    <message>
        <source>OBS settings</source>
        <translation>OBS-Einstellungen</translation>
    </message>
    <message>
        <source>Follow the show in OBS Studio</source>
        <translation>OBS Studio folgt der Sendung</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Set by --obs for this run (the stored address is kept).</source>
        <translation>Für diesen Lauf durch --obs festgelegt (die gespeicherte Adresse bleibt erhalten).</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Stored as plain text in {file} (never in the show file).</source>
        <translation>Als Klartext gespeichert in {file} (nie in der Sendungsdatei).</translation>
    </message>
    <message>
        <source>{variable} is set: it is used instead for this run.</source>
        <translation>{variable} ist gesetzt: Für diesen Lauf gilt stattdessen diese Variable.</translation>
    </message>
    <message>
        <source>Start the stream with the first GO</source>
        <translation>Stream mit dem ersten GO starten</translation>
    </message>
    <message>
        <source>Presenter never stops the stream.</source>
        <translation>Presenter beendet den Stream nie.</translation>
    </message>
    <message>
        <source>Enter OBS's address, like 127.0.0.1:4455 (OBS: Tools → WebSocket Server Settings).</source>
        <translation>Bitte die Adresse von OBS eingeben, etwa 127.0.0.1:4455 (OBS: Werkzeuge → WebSocket-Servereinstellungen).</translation>
    </message>
    <message>
        <source>The password is too long ({length} characters; at most {most}).</source>
        <translation>Das Passwort ist zu lang ({length} Zeichen; höchstens {most}).</translation>
    </message>
    <message>
        <source>The password contains a line break or another control character.</source>
        <translation>Das Passwort enthält einen Zeilenumbruch oder ein anderes Steuerzeichen.</translation>
    </message>
</context>
<context>
    <name>ObsWiring</name>
    <message>
        <source>Start stream</source>
        <translation>Stream starten</translation>
    </message>
    <message>
        <source>Start the stream in OBS now? Viewers will see it.</source>
        <translation>Stream in OBS jetzt starten? Die Zuschauer sehen ihn dann.</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Aufnahme starten</translation>
    </message>
    <message>
        <source>Start recording in OBS now?</source>
        <translation>Aufnahme in OBS jetzt starten?</translation>
    </message>
</context>
<context>
    <name>OnAirPanel</name>
    <message>
        <source>Fill {number}. {title}: ends {time}</source>
        <translation>Puffer {number}. {title}: endet {time}</translation>
    </message>
    <message>
        <source>must give {time}</source>
        <translation>muss {time} abgeben</translation>
    </message>
    <message>
        <source>may take {time}</source>
        <translation>darf {time} länger</translation>
    </message>
    <message>
        <source>The segment that absorbs time to keep the hard out</source>
        <translation>Der Programmpunkt, der Zeit aufnimmt, damit der Sendeschluss hält</translation>
    </message>
    <message>
        <source>With: </source>
        <translation>Mit: </translation>
    </message>
    <message>
        <source>Notes: </source>
        <translation>Notizen: </translation>
    </message>
    <message>
        <source>Next: end of show</source>
        <translation>Danach: Sendeschluss</translation>
    </message>
    <message>
        <source>Next: {number}. {title} ({planned})</source>
        <translation>Danach: {number}. {title} ({planned})</translation>
    </message>
    <message>
        <source>Standby — GO starts the show</source>
        <translation>Bereit — GO startet die Sendung</translation>
    </message>
    <message>
        <source>Off air — the show has ended</source>
        <translation>Nicht auf Sendung — die Sendung ist beendet</translation>
    </message>
    <message>
        <source>ended {time}</source>
        <translation>beendet {time}</translation>
    </message>
    <message>
        <source>ON AIR {number}. {title}</source>
        <translation>AUF SENDUNG {number}. {title}</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>Clip {state} {position} / {duration}</source>
        <translation>Einspieler {state} {position} / {duration}</translation>
    </message>
</context>
<context>
    <name>PlayerPanel</name>
    <message>
        <source>{minutes}:{seconds:02d}.{tenths}</source>
        <translation>{minutes}:{seconds:02d},{tenths}</translation>
    </message>
    <message>
        <source>No clip selected</source>
        <translation>Kein Einspieler ausgewählt</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Abspielen</translation>
    </message>
    <message>
        <source>Play / pause the preview (Space)</source>
        <translation>Vorschau abspielen / anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>Frame ▸</source>
        <translation>Bild ▸</translation>
    </message>
    <message>
        <source>One frame forward (Right arrow)</source>
        <translation>Ein Bild vor (Pfeil rechts)</translation>
    </message>
    <message>
        <source>Last 10 s</source>
        <translation>Letzte 10 s</translation>
    </message>
    <message>
        <source>Play the last 10 seconds: check the end and the hand-back (End)</source>
        <translation>Die letzten 10 Sekunden abspielen: Ende und Übergabe prüfen (Ende)</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm schalten</translation>
    </message>
    <message>
        <source>Mute the preview (M)</source>
        <translation>Vorschau stumm schalten (M)</translation>
    </message>
    <message>
        <source>List the audio devices again (headphones plugged in?)</source>
        <translation>Audiogeräte neu auflisten (Kopfhörer eingesteckt?)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Preview sound on</source>
        <translation>Vorschau-Ton auf</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>fits exactly</source>
        <translation>passt genau</translation>
    </message>
    <message>
        <source>{gap} to spare</source>
        <translation>{gap} Luft</translation>
    </message>
    <message>
        <source>{gap} past the end</source>
        <translation>{gap} über das Ende hinaus</translation>
    </message>
    <message>
        <source>planned {planned} for {start}–{end} ({window}): {fit}</source>
        <translation>geplant {planned} für {start}–{end} ({window}): {fit}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Codecs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>(media)</source>
        <translation>(Medien)</translation>
    </message>
    <message>
        <source>timing: {timing}</source>
        <translation>Zeitplan: {timing}</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>Hinweis: {note}</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>Warnung: {warning}</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>NOT READY</source>
        <translation>NICHT BEREIT</translation>
    </message>
    <message>
        <source>{verdict}: {count} segments, {ready} ready, {warning} warning, {broken} broken</source>
        <translation>{verdict}: {count} Segmente, {ready} bereit, {warning} mit Warnung, {broken} defekt</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>✓ ready</source>
        <translation>✓ bereit</translation>
    </message>
    <message>
        <source>⚠ warning</source>
        <translation>⚠ Warnung</translation>
    </message>
    <message>
        <source>✗ broken</source>
        <translation>✗ defekt</translation>
    </message>
    <message>
        <source>Preflight — the same checks as --check</source>
        <translation>Vorabprüfung — dieselben Prüfungen wie --check</translation>
    </message>
    <message>
        <source>%v of %m checked</source>
        <translation>%v von %m geprüft</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Media / why</source>
        <translation>Medien / Grund</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>Checking {n} clips…</source>
        <translation>Prüfe {n} Einspieler…</translation>
    </message>
    <message>
        <source>✗ Show file has a mistake (the show in use is unchanged): {problem}</source>
        <translation>✗ Sendungsdatei hat einen Fehler (die verwendete Sendung ist unverändert): {problem}</translation>
    </message>
    <message>
        <source>✓ Show file valid</source>
        <translation>✓ Sendungsdatei gültig</translation>
    </message>
    <message>
        <source>All clips ready</source>
        <translation>Alle Einspieler bereit</translation>
    </message>
    <message>
        <source>NOT READY</source>
        <translation>NICHT BEREIT</translation>
    </message>
    <message>
        <source>{verdict}: {n} clips — {ready} ready, {warning} warning, {broken} broken · checked {time}</source>
        <translation>{verdict}: {n} Einspieler — {ready} bereit, {warning} mit Warnung, {broken} defekt · geprüft {time}</translation>
    </message>
</context>
<context>
    <name>PresenterApp</name>
    <message>
        <source>Presenter was started 3 times within a minute: the interrupted run was not resumed automatically.</source>
        <translation>Presenter wurde innerhalb einer Minute 3-mal gestartet: der unterbrochene Durchlauf wurde nicht automatisch fortgesetzt.</translation>
    </message>
    <message>
        <source>Resume the interrupted run</source>
        <translation>Unterbrochenen Durchlauf fortsetzen</translation>
    </message>
    <message>
        <source>{language} is not available (its translation is missing): the windows are in English.</source>
        <translation>{language} ist nicht verfügbar (die Übersetzung fehlt): die Fenster sind auf Englisch.</translation>
    </message>
    <message>
        <source>Back to standby (new run)</source>
        <translation>Zurück auf Bereit (neuer Durchlauf)</translation>
    </message>
    <message>
        <source>“{title}” is on air. A new run ends this run where it is (its journal and as-run are kept), puts the program output to black and starts in standby: the next GO starts the show again.</source>
        <translation>„{title}“ ist auf Sendung. Ein neuer Durchlauf beendet diesen Durchlauf an dieser Stelle (Journal und Sendeprotokoll bleiben erhalten), schaltet das Sendebild auf Schwarz und startet in Bereit: das nächste GO startet die Sendung neu.</translation>
    </message>
    <message>
        <source>Open another show</source>
        <translation>Andere Sendung öffnen</translation>
    </message>
    <message>
        <source>“{title}” is on air. Opening another show ends this run where it is (its journal and as-run are kept) and puts the program output to black.</source>
        <translation>„{title}“ ist auf Sendung. Eine andere Sendung zu öffnen beendet diesen Durchlauf an dieser Stelle (Journal und Sendeprotokoll bleiben erhalten) und schaltet das Sendebild auf Schwarz.</translation>
    </message>
    <message>
        <source>“{title}” is on air. Resuming the interrupted run ends this run where it is (its journal is kept) and puts back on air what was on air when Presenter stopped.</source>
        <translation>„{title}“ ist auf Sendung. Den unterbrochenen Durchlauf fortzusetzen beendet diesen Durchlauf an dieser Stelle (sein Journal bleibt erhalten) und bringt wieder auf Sendung, was beim Anhalten von Presenter auf Sendung war.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>Zeitpunkt unbekannt</translation>
    </message>
    <message>
        <source>Resumed after interruption at {when}: the show state is restored.</source>
        <translation>Nach der Unterbrechung ({when}) fortgesetzt: der Sendungszustand ist wiederhergestellt.</translation>
    </message>
    <message>
        <source>Back to standby (new run)…</source>
        <translation>Zurück auf Bereit (neuer Durchlauf)…</translation>
    </message>
    <message>
        <source>Open show file</source>
        <translation>Sendungsdatei öffnen</translation>
    </message>
    <message>
        <source>Show files (*.yaml *.yml)</source>
        <translation>Sendungsdateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Show not opened, the current show goes on: {error}</source>
        <translation>Sendung nicht geöffnet, die aktuelle Sendung läuft weiter: {error}</translation>
    </message>
    <message>
        <source>Opened “{title}” ({path})</source>
        <translation>„{title}“ geöffnet ({path})</translation>
    </message>
    <message>
        <source>The interrupted run cannot be resumed any more.</source>
        <translation>Der unterbrochene Durchlauf kann nicht mehr fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Show file changed but cannot be used; the show goes on unchanged: {message}</source>
        <translation>Sendungsdatei geändert, aber nicht verwendbar; die Sendung läuft unverändert weiter: {message}</translation>
    </message>
    <message>
        <source>Show file has a mistake (the running show is unchanged): {message}</source>
        <translation>Sendungsdatei hat einen Fehler (die laufende Sendung ist unverändert): {message}</translation>
    </message>
    <message>
        <source>The running order was edited and not saved before Presenter stopped.</source>
        <translation>Der Ablauf wurde bearbeitet und nicht gespeichert, bevor Presenter beendet wurde.</translation>
    </message>
    <message>
        <source>Restore the unsaved edits</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>The show file changed on disk while the running order has unsaved edits: Save will ask.</source>
        <translation>Die Sendungsdatei wurde auf der Festplatte geändert, während der Ablauf ungespeicherte Änderungen hat: Speichern fragt nach.</translation>
    </message>
    <message>
        <source>Show file changed: titles, durations and notes updated.</source>
        <translation>Sendungsdatei geändert: Titel, Dauern und Notizen aktualisiert.</translation>
    </message>
    <message>
        <source>Show file changed: new running order applied.</source>
        <translation>Sendungsdatei geändert: neuer Ablauf übernommen.</translation>
    </message>
    <message>
        <source>The show file changed its running order (segments added, removed or moved). The segment on air stays on air.</source>
        <translation>Die Sendungsdatei hat ihren Ablauf geändert (Segmente hinzugefügt, entfernt oder verschoben). Das Segment auf Sendung bleibt auf Sendung.</translation>
    </message>
    <message>
        <source>Apply the new running order</source>
        <translation>Neuen Ablauf übernehmen</translation>
    </message>
    <message>
        <source>The moderator window is on the director's screen: fullscreen would cover the director. Choose another screen for it first.</source>
        <translation>Das Moderationsfenster liegt auf dem Bildschirm der Regie: im Vollbild würde es die Regie verdecken. Zuerst einen anderen Bildschirm dafür wählen.</translation>
    </message>
    <message>
        <source>moderator window</source>
        <translation>Moderationsfenster</translation>
    </message>
    <message>
        <source>program output</source>
        <translation>Sendebild</translation>
    </message>
    <message>
        <source>{number}. "{title}": {value}: {summary}</source>
        <translation>{number}. „{title}“: {value}: {summary}</translation>
    </message>
    <message>
        <source>{number}. "{title}": clip changed on disk: ready</source>
        <translation>{number}. „{title}“: Einspieler auf der Festplatte geändert: bereit</translation>
    </message>
</context>
<context>
    <name>PreviewSound</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>{device} (not available now)</source>
        <translation>{device} (gerade nicht verfügbar)</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm schalten</translation>
    </message>
    <message>
        <source>the system default device</source>
        <translation>das Standardgerät des Systems</translation>
    </message>
    <message>
        <source>⚠ Preview sound on the system default device: it may be the program's. Choose the headphones.</source>
        <translation>⚠ Vorschau-Ton auf dem Standardgerät des Systems: es könnte das der Sendung sein. Bitte die Kopfhörer wählen.</translation>
    </message>
    <message>
        <source>Choose the headphones device: until then the preview is muted (its sound could reach the stream).</source>
        <translation>Bitte das Kopfhörer-Gerät wählen: bis dahin ist die Vorschau stumm (ihr Ton könnte in den Stream gelangen).</translation>
    </message>
    <message>
        <source>Checking that the preview sound is on {name}… (muted until libVLC confirms it)</source>
        <translation>Prüfe, ob der Vorschau-Ton auf {name} liegt… (stumm, bis libVLC es bestätigt)</translation>
    </message>
    <message>
        <source>Preview muted · sound device: {name}</source>
        <translation>Vorschau stumm · Tongerät: {name}</translation>
    </message>
    <message>
        <source>✓ Preview sound on {name}</source>
        <translation>✓ Vorschau-Ton auf {name}</translation>
    </message>
    <message>
        <source>Preview sound on {name}</source>
        <translation>Vorschau-Ton auf {name}</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Preview — {title} — Presenter</source>
        <translation>Vorschau — {title} — Presenter</translation>
    </message>
    <message>
        <source>Clips in the running order</source>
        <translation>Einspieler im Ablauf</translation>
    </message>
    <message>
        <source>No preview: {why}</source>
        <translation>Keine Vorschau: {why}</translation>
    </message>
    <message>
        <source>No clip selected</source>
        <translation>Kein Einspieler ausgewählt</translation>
    </message>
    <message>
        <source>Select a clip to preview it</source>
        <translation>Einspieler wählen, um ihn in der Vorschau zu sehen</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>AUF SENDUNG</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>ALS NÄCHSTES</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>lädt…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>end of clip (last frame)</source>
        <translation>Ende des Einspielers (letztes Bild)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>cannot preview</source>
        <translation>keine Vorschau möglich</translation>
    </message>
    <message>
        <source>Preview: {state}</source>
        <translation>Vorschau: {state}</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pause</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Abspielen</translation>
    </message>
    <message>
        <source>No picture: this file has no video track</source>
        <translation>Kein Bild: diese Datei hat keine Videospur</translation>
    </message>
    <message>
        <source>Preview stopped</source>
        <translation>Vorschau gestoppt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Cannot preview this clip:
{why}</source>
        <translation>Dieser Einspieler kann nicht in der Vorschau gezeigt werden:
{why}</translation>
    </message>
    <message>
        <source>show file could not be read: {error}</source>
        <translation>Sendungsdatei konnte nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>ProgramOutput</name>
    <message>
        <source>Program output unavailable: {exc}</source>
        <translation>Sendebild nicht verfügbar: {exc}</translation>
    </message>
</context>
<context>
    <name>ProgramOutputWindow</name>
    <message>
        <source>Presenter – Program output</source>
        <translation>Presenter – Sendebild</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>output screen {screen_index} does not exist (screens: {screens}); the program output is on the primary screen</source>
        <translation>Ausgabebildschirm {screen_index} gibt es nicht (Bildschirme: {screens}); das Sendebild liegt auf dem Hauptbildschirm</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Edit question #{number}</source>
        <translation>Frage #{number} bearbeiten</translation>
    </message>
    <message>
        <source>optional: what the moderator reads (at most 140 characters)</source>
        <translation>optional: was die Moderation vorliest (höchstens 140 Zeichen)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Screen text</source>
        <translation>Bildschirmtext</translation>
    </message>
    <message>
        <source>Asker</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>Gerichtet an</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Asker</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>ON SCREEN</source>
        <translation>IM BILD</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
</context>
<context>
    <name>QuestionQueueWidget</name>
    <message>
        <source>Audience questions</source>
        <translation>Fragen aus dem Publikum</translation>
    </message>
    <message>
        <source>Show (Q)</source>
        <translation>Ins Bild (Q)</translation>
    </message>
    <message>
        <source>Answered, next (N)</source>
        <translation>Beantwortet, nächste (N)</translation>
    </message>
    <message>
        <source>Off (Shift+Q)</source>
        <translation>Aus dem Bild (Umschalt+Q)</translation>
    </message>
    <message>
        <source>Questions…</source>
        <translation>Fragen…</translation>
    </message>
    <message>
        <source>No question on screen.</source>
        <translation>Keine Frage im Bild.</translation>
    </message>
    <message>
        <source>ON SCREEN: {text}
{who}</source>
        <translation>IM BILD: {text}
{who}</translation>
    </message>
    <message>
        <source>{approved} approved, {new} new, {answered} answered</source>
        <translation>{approved} freigegeben, {new} neu, {answered} beantwortet</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>on screen</source>
        <translation>im Bild</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>the question</source>
        <translation>die Frage</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>der Name</translation>
    </message>
    <message>
        <source>the screen text</source>
        <translation>der Bildschirmtext</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>die Notiz</translation>
    </message>
    <message>
        <source>“addressed to”</source>
        <translation>„gerichtet an“</translation>
    </message>
    <message>
        <source>a question has no field {key!r}</source>
        <translation>eine Frage hat kein Feld {key!r}</translation>
    </message>
    <message>
        <source>source {value!r} is not one of {sources}</source>
        <translation>Quelle {value!r} ist keine von {sources}</translation>
    </message>
    <message>
        <source>{name} is not text</source>
        <translation>{name} ist kein Text</translation>
    </message>
    <message>
        <source>{name} is {count} characters long; at most {limit} fit</source>
        <translation>{name} ist {count} Zeichen lang; höchstens {limit} passen</translation>
    </message>
    <message>
        <source>the question is empty</source>
        <translation>die Frage ist leer</translation>
    </message>
    <message>
        <source>there is no question {question_id!r} (any more)</source>
        <translation>es gibt keine Frage {question_id!r} (mehr)</translation>
    </message>
    <message>
        <source>only a new question can be approved; this one is {value}</source>
        <translation>nur eine neue Frage kann freigegeben werden; diese ist {value}</translation>
    </message>
    <message>
        <source>this question is already {value}</source>
        <translation>diese Frage ist schon {value}</translation>
    </message>
    <message>
        <source>no dropped question to bring back</source>
        <translation>keine verworfene Frage zum Zurückholen</translation>
    </message>
    <message>
        <source>this question is not dropped</source>
        <translation>diese Frage ist nicht verworfen</translation>
    </message>
    <message>
        <source>the question cannot move further</source>
        <translation>die Frage kann nicht weiter verschoben werden</translation>
    </message>
    <message>
        <source>a question is already on screen: N for the next one, Shift+Q to take it off</source>
        <translation>eine Frage ist schon im Bild: N für die nächste, Umschalt+Q zum Ausblenden</translation>
    </message>
    <message>
        <source>no approved question is waiting</source>
        <translation>keine freigegebene Frage wartet</translation>
    </message>
    <message>
        <source>only an approved question can go on screen; this one is {value}</source>
        <translation>nur eine freigegebene Frage kann ins Bild; diese ist {value}</translation>
    </message>
    <message>
        <source>N pressed twice: the second press is ignored</source>
        <translation>N zweimal gedrückt: der zweite Druck wird ignoriert</translation>
    </message>
    <message>
        <source>no question on screen and none approved</source>
        <translation>keine Frage im Bild und keine freigegeben</translation>
    </message>
    <message>
        <source>no question is on screen</source>
        <translation>keine Frage ist im Bild</translation>
    </message>
    <message>
        <source>journal line {line} ({op}) is ignored: {why}</source>
        <translation>Journalzeile {line} ({op}) wird ignoriert: {why}</translation>
    </message>
    <message>
        <source>a journal entry ({op}) is ignored: {why}</source>
        <translation>ein Journaleintrag ({op}) wird ignoriert: {why}</translation>
    </message>
    <message>
        <source>questions is not a list</source>
        <translation>questions ist keine Liste</translation>
    </message>
    <message>
        <source>to is not a position</source>
        <translation>to ist keine Position</translation>
    </message>
    <message>
        <source>fields is not a table</source>
        <translation>fields ist keine Tabelle</translation>
    </message>
    <message>
        <source>unknown entry {op!r}</source>
        <translation>unbekannter Eintrag {op!r}</translation>
    </message>
    <message>
        <source>a question is not a table</source>
        <translation>eine Frage ist keine Tabelle</translation>
    </message>
    <message>
        <source>a question has no valid id</source>
        <translation>eine Frage hat keine gültige ID</translation>
    </message>
    <message>
        <source>question {question_id} exists already</source>
        <translation>Frage {question_id} gibt es schon</translation>
    </message>
    <message>
        <source>received is not a time</source>
        <translation>received ist keine Zeit</translation>
    </message>
    <message>
        <source>the queue holds at most {MAX_QUESTIONS} questions</source>
        <translation>die Warteschlange fasst höchstens {MAX_QUESTIONS} Fragen</translation>
    </message>
    <message>
        <source>an import holds one id twice</source>
        <translation>ein Import enthält eine ID zweimal</translation>
    </message>
</context>
<context>
    <name>QuestionsCsv</name>
    <message>
        <source>1 question imported</source>
        <translation>1 Frage importiert</translation>
    </message>
    <message>
        <source>{count} questions imported</source>
        <translation>{count} Fragen importiert</translation>
    </message>
    <message>
        <source>, 1 row not imported (listed below)</source>
        <translation>, 1 Zeile nicht importiert (unten aufgeführt)</translation>
    </message>
    <message>
        <source>, {bad_rows} rows not imported (listed below)</source>
        <translation>, {bad_rows} Zeilen nicht importiert (unten aufgeführt)</translation>
    </message>
    <message>
        <source>{name} is not a regular file</source>
        <translation>{name} ist keine normale Datei</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation>{name} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>{name} is larger than {megabytes} MB: not imported</source>
        <translation>{name} ist größer als {megabytes} MB: nicht importiert</translation>
    </message>
    <message>
        <source>this is not a CSV text file (it has binary data); save it from Excel as “CSV UTF-8”</source>
        <translation>das ist keine CSV-Textdatei (sie enthält Binärdaten); bitte aus Excel als „CSV UTF-8“ speichern</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>line 1: the header cannot be read ({exc})</source>
        <translation>Zeile 1: die Kopfzeile kann nicht gelesen werden ({exc})</translation>
    </message>
    <message>
        <source>line 1: no column with the question (a header such as {known} or Frage)</source>
        <translation>Zeile 1: keine Spalte mit der Frage (eine Überschrift wie {known} oder Frage)</translation>
    </message>
    <message>
        <source>cannot be read ({exc}); the rest of the file is not imported</source>
        <translation>kann nicht gelesen werden ({exc}); der Rest der Datei wird nicht importiert</translation>
    </message>
    <message>
        <source>and the rows after it are not imported: at most {MAX_ROWS} rows</source>
        <translation>und die Zeilen danach werden nicht importiert: höchstens {MAX_ROWS} Zeilen</translation>
    </message>
    <message>
        <source>a cell is {count} characters long</source>
        <translation>eine Zelle ist {count} Zeichen lang</translation>
    </message>
    <message>
        <source>line {line}: source “{source}” is not known; read as “other”</source>
        <translation>Zeile {line}: Quelle „{source}“ ist unbekannt; als „sonstige“ gelesen</translation>
    </message>
    <message>
        <source>line {line}: time “{shown}” is not a time; the import time is used</source>
        <translation>Zeile {line}: Zeit „{shown}“ ist keine Uhrzeit; die Importzeit wird verwendet</translation>
    </message>
    <message>
        <source>line {line}: {why}</source>
        <translation>Zeile {line}: {why}</translation>
    </message>
    <message>
        <source>… more bad rows are not listed</source>
        <translation>… weitere fehlerhafte Zeilen sind nicht aufgeführt</translation>
    </message>
    <message>
        <source>id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>Gezeigt</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>asker</source>
        <translation>Fragesteller</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>addressed_to</source>
        <translation>Gerichtet an</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>screen_text</source>
        <translation>Bildschirmtext</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>QuestionsWindow</name>
    <message>
        <source>Questions — {title} — Presenter</source>
        <translation>Fragen — {title} — Presenter</translation>
    </message>
    <message>
        <source>Source of a pasted question that does not name one</source>
        <translation>Quelle einer eingefügten Frage, die keine nennt</translation>
    </message>
    <message>
        <source>Search (name, words, source)</source>
        <translation>Suche (Name, Wörter, Quelle)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Pasted from:</source>
        <translation>Eingefügt aus:</translation>
    </message>
    <message>
        <source>Paste (Ctrl+V)</source>
        <translation>Einfügen (Strg+V)</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>Freigeben (Enter)</translation>
    </message>
    <message>
        <source>Drop (Del)</source>
        <translation>Verwerfen (Entf)</translation>
    </message>
    <message>
        <source>Undo drop (Ctrl+Z)</source>
        <translation>Verwerfen rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Up (Alt+↑)</source>
        <translation>Hoch (Alt+↑)</translation>
    </message>
    <message>
        <source>Down (Alt+↓)</source>
        <translation>Runter (Alt+↓)</translation>
    </message>
    <message>
        <source>Edit (F2)</source>
        <translation>Bearbeiten (F2)</translation>
    </message>
    <message>
        <source>On screen</source>
        <translation>Ins Bild</translation>
    </message>
    <message>
        <source>Off screen</source>
        <translation>Aus dem Bild</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Delete the questions of this run…</source>
        <translation>Fragen dieses Durchlaufs löschen…</translation>
    </message>
    <message>
        <source>1 question</source>
        <translation>1 Frage</translation>
    </message>
    <message numerus="yes">
        <source>%n questions</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard has no text to make a question of.</source>
        <translation>Die Zwischenablage enthält keinen Text, aus dem eine Frage werden kann.</translation>
    </message>
    <message>
        <source>New question #{number} from {asker}: Enter approves it.</source>
        <translation>Neue Frage #{number} von {asker}: Enter gibt sie frei.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Select a question first.</source>
        <translation>Bitte zuerst eine Frage auswählen.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Freigegeben.</translation>
    </message>
    <message>
        <source>Dropped: Ctrl+Z brings it back.</source>
        <translation>Verworfen: Strg+Z holt sie zurück.</translation>
    </message>
    <message>
        <source>Drop undone.</source>
        <translation>Verwerfen rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>On the moderator's screen.</source>
        <translation>Im Bild der Moderation.</translation>
    </message>
    <message>
        <source>Taken off the moderator's screen.</source>
        <translation>Aus dem Bild der Moderation genommen.</translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>Fragen importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Export questions</source>
        <translation>Fragen exportieren</translation>
    </message>
    <message>
        <source>CSV for Excel, German (;)</source>
        <translation>CSV für Excel, deutsch (;)</translation>
    </message>
    <message>
        <source>CSV with commas (,)</source>
        <translation>CSV mit Kommas (,)</translation>
    </message>
    <message>
        <source>Questions not saved: {why}</source>
        <translation>Fragen nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>Questions saved to {path}</source>
        <translation>Fragen gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Delete the questions of this run</source>
        <translation>Fragen dieses Durchlaufs löschen</translation>
    </message>
    <message>
        <source>Every question of this run, with the viewers' names, is deleted from this computer (the queue and the run's journal). Exported CSV files are not touched. This cannot be undone.</source>
        <translation>Alle Fragen dieses Durchlaufs mit den Namen der Zuschauenden werden von diesem Computer gelöscht (die Warteschlange und das Journal des Durchlaufs). Exportierte CSV-Dateien bleiben unberührt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>QuestionsWiring</name>
    <message>
        <source>{count} question entries deleted from {name}</source>
        <translation>{count} Frage-Einträge aus {name} gelöscht</translation>
    </message>
    <message>
        <source>The questions could not be deleted from the journal {path}: {error}</source>
        <translation>Die Fragen konnten nicht aus dem Journal {path} gelöscht werden: {error}</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>GO from {source} refused: less than {gap:g} s after its last GO</source>
        <translation>GO von {source} abgelehnt: weniger als {gap:g} s nach dessen letztem GO</translation>
    </message>
    <message>
        <source>there is no segment {number} in the running order</source>
        <translation>es gibt kein Segment {number} im Ablauf</translation>
    </message>
    <message>
        <source>that segment goes next already</source>
        <translation>dieses Segment kommt schon als nächstes</translation>
    </message>
    <message>
        <source>from -{most:g} to {most:g} seconds, not 0</source>
        <translation>von -{most:g} bis {most:g} Sekunden, nicht 0</translation>
    </message>
    <message>
        <source>Select the segment to skip in the running order.</source>
        <translation>Bitte im Ablauf das Segment wählen, das ausgelassen werden soll.</translation>
    </message>
    <message>
        <source>"{title}" is on air: only a segment that is not on air can be skipped (GO ends it).</source>
        <translation>„{title}“ ist auf Sendung: nur ein Segment, das nicht auf Sendung ist, kann ausgelassen werden (GO beendet es).</translation>
    </message>
    <message>
        <source>"{title}" has been on air already and cannot be skipped.</source>
        <translation>„{title}“ war schon auf Sendung und kann nicht ausgelassen werden.</translation>
    </message>
    <message>
        <source>there is no such page</source>
        <translation>diese Seite gibt es nicht</translation>
    </message>
    <message>
        <source>the segment on air has no speaker for a lower third</source>
        <translation>der Beitrag auf Sendung hat keinen Sprecher für eine Bauchbinde</translation>
    </message>
    <message>
        <source>"{name}" is not a speaker in the show file</source>
        <translation>„{name}“ ist kein Sprecher in der Show-Datei</translation>
    </message>
    <message>
        <source>a lower third stays on for 1 to {most:g} seconds</source>
        <translation>eine Bauchbinde bleibt 1 bis {most:g} Sekunden stehen</translation>
    </message>
    <message>
        <source>no lower third is on the stream</source>
        <translation>im Stream ist keine Bauchbinde</translation>
    </message>
    <message>
        <source>the pre-show countdown is for before the show</source>
        <translation>der Countdown ist für die Zeit vor der Sendung</translation>
    </message>
    <message>
        <source>"{title}" is on air and cannot be deleted</source>
        <translation>„{title}“ ist auf Sendung und kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>the show has ended and nothing is cued</source>
        <translation>die Sendung ist beendet und nichts ist vorgemerkt</translation>
    </message>
    <message>
        <source>a second GO within 0.3 s counts as a double press</source>
        <translation>ein zweites GO innerhalb von 0,3 s zählt als Doppeldruck</translation>
    </message>
    <message>
        <source>no segment is on air</source>
        <translation>kein Segment ist auf Sendung</translation>
    </message>
    <message>
        <source>no clip is on air</source>
        <translation>kein Clip ist auf Sendung</translation>
    </message>
    <message>
        <source>the show has not started</source>
        <translation>die Sendung hat noch nicht begonnen</translation>
    </message>
    <message>
        <source>it is on air: only a segment that is not on air can be skipped</source>
        <translation>es ist auf Sendung: nur ein Segment, das nicht auf Sendung ist, kann ausgelassen werden</translation>
    </message>
    <message>
        <source>it has been on air already</source>
        <translation>es war schon auf Sendung</translation>
    </message>
    <message>
        <source>no segment is selected</source>
        <translation>kein Segment ist gewählt</translation>
    </message>
    <message>
        <source>a message has at most {limit} characters</source>
        <translation>eine Nachricht hat höchstens {limit} Zeichen</translation>
    </message>
    <message>
        <source>that value is not possible here</source>
        <translation>dieser Wert ist hier nicht möglich</translation>
    </message>
    <message>
        <source>there is no segment before to cue</source>
        <translation>davor gibt es kein Segment zum Vormerken</translation>
    </message>
    <message>
        <source>the clip is not playing</source>
        <translation>der Clip läuft nicht</translation>
    </message>
    <message>
        <source>the clip is not paused</source>
        <translation>der Clip ist nicht angehalten</translation>
    </message>
    <message>
        <source>the clip on air cannot play</source>
        <translation>der Clip auf Sendung kann nicht abgespielt werden</translation>
    </message>
    <message>
        <source>that is already so</source>
        <translation>das ist schon so</translation>
    </message>
    <message>
        <source>the question queue refused it</source>
        <translation>die Fragenliste hat es abgelehnt</translation>
    </message>
    <message>
        <source>the running order is too large for the crash journal</source>
        <translation>der Ablauf ist zu groß für das Absturzprotokoll</translation>
    </message>
    <message>
        <source>too soon after the last GO from there</source>
        <translation>zu bald nach dem letzten GO von dort</translation>
    </message>
</context>
<context>
    <name>Remote</name>
    <message>
        <source>Remote control: %1 listens on %2 (reachable from the network), as remembered from the last start; switch it off in the Remote panel or start with --%3 127.0.0.1:%4</source>
        <translation>Fernsteuerung: %1 lauscht auf %2 (aus dem Netz erreichbar), wie vom letzten Start gemerkt; im Fernsteuerungs-Bereich ausschalten oder mit --%3 127.0.0.1:%4 starten</translation>
    </message>
    <message>
        <source>Remote control: OSC on %1 carries out commands from the --osc-allow addresses without a PIN, and UDP senders can be forged: add --osc-pin</source>
        <translation>Fernsteuerung: OSC auf %1 führt Befehle der --osc-allow-Adressen ohne PIN aus, und UDP-Absender lassen sich fälschen: --osc-pin hinzufügen</translation>
    </message>
    <message>
        <source>Remote control: --pin-in-url on %1: a web page opened on this network could send commands with the PIN</source>
        <translation>Fernsteuerung: --pin-in-url auf %1: eine in diesem Netz geöffnete Webseite könnte mit der PIN Befehle senden</translation>
    </message>
    <message>
        <source>Remote control: the browser views and the show state on %1 can be read by everyone on the network (commands need the PIN): start with --view-key KEY, or on 127.0.0.1</source>
        <translation>Fernsteuerung: die Browser-Ansichten und der Sendungsstand auf %1 sind für alle im Netz lesbar (Befehle brauchen die PIN): mit --view-key SCHLÜSSEL starten oder auf 127.0.0.1</translation>
    </message>
    <message>
        <source>Remote control: an attempt with a wrong PIN or key was refused (see the journal)</source>
        <translation>Fernsteuerung: ein Versuch mit falscher PIN oder falschem Schlüssel wurde abgewiesen (siehe Journal)</translation>
    </message>
    <message>
        <source>Remote control: %1 refused attempts (wrong PIN or key) from %2 address(es) in the last %3 s</source>
        <translation>Fernsteuerung: %1 abgewiesene Versuche (falsche PIN oder falscher Schlüssel) von %2 Adresse(n) in den letzten %3 s</translation>
    </message>
    <message>
        <source>Remote control: cannot listen on %1: %2</source>
        <translation>Fernsteuerung: kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Remote control: OSC cannot listen on %1: %2</source>
        <translation>Fernsteuerung: OSC kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>the port is already in use (another program listens on it)</source>
        <translation>der Port ist schon belegt (ein anderes Programm nutzt ihn)</translation>
    </message>
    <message>
        <source>this computer has no such address</source>
        <translation>dieser Rechner hat diese Adresse nicht</translation>
    </message>
    <message>
        <source>not allowed (ports below 1024 need administrator rights)</source>
        <translation>nicht erlaubt (Ports unter 1024 brauchen Administratorrechte)</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Remote control</source>
        <translation>Fernsteuerung</translation>
    </message>
</context>
<context>
    <name>RemotePanel</name>
    <message>
        <source>Browser views and HTTP/WebSocket</source>
        <translation>Browser-Ansichten und HTTP/WebSocket</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>[HOST:]PORT — 127.0.0.1 is this computer only; a LAN address opens it</source>
        <translation>[HOST:]PORT – 127.0.0.1 ist nur dieser Rechner; eine LAN-Adresse öffnet es im Netz</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Moderator view</source>
        <translation>Moderationsansicht</translation>
    </message>
    <message>
        <source>Views connected</source>
        <translation>Verbundene Ansichten</translation>
    </message>
    <message>
        <source>OSC (Companion, Stream Deck)</source>
        <translation>OSC (Companion, Stream Deck)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Control PIN: %1</source>
        <translation>Steuer-PIN: %1</translation>
    </message>
</context>
<context>
    <name>RunningOrder</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Ist-Beginn</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>clip problem</source>
        <translation>Einspieler-Problem</translation>
    </message>
    <message>
        <source>{state} – {problem}</source>
        <translation>{state} – {problem}</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>ALS NÄCHSTES</translation>
    </message>
</context>
<context>
    <name>RunningOrderEditor</name>
    <message>
        <source>Show lock: off</source>
        <translation>Ablaufsperre: aus</translation>
    </message>
    <message>
        <source>Show lock (locks at GO)</source>
        <translation>Ablaufsperre (sperrt bei GO)</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>A new show from the template</source>
        <translation>Eine neue Sendung aus der Vorlage</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Ontime project or spreadsheet</source>
        <translation>Ontime-Projekt oder Tabelle</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>+ Segment</source>
        <translation>+ Segment</translation>
    </message>
    <message>
        <source>New segment after the selected one (Insert)</source>
        <translation>Neues Segment nach dem ausgewählten (Einfg)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate (Ctrl+D)</source>
        <translation>Duplizieren (Strg+D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Löschen (Entf)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Every field of the segment (Alt+Enter)</source>
        <translation>Alle Felder des Segments (Alt+Enter)</translation>
    </message>
    <message>
        <source>Move up (Alt+↑)</source>
        <translation>Nach oben (Alt+↑)</translation>
    </message>
    <message>
        <source>Move down (Alt+↓)</source>
        <translation>Nach unten (Alt+↓)</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Sendung…</translation>
    </message>
    <message>
        <source>Title, date, start, hard out, warning/danger</source>
        <translation>Titel, Datum, Beginn, Sendeschluss, Warnung/Gefahr</translation>
    </message>
    <message>
        <source>The show file cannot be saved over: %1</source>
        <translation>Die Sendungsdatei kann nicht überschrieben werden: %1</translation>
    </message>
    <message>
        <source>The show lock is on (the show is on air): click “Show lock” to edit.</source>
        <translation>Die Ablaufsperre ist an (die Sendung läuft): zum Bearbeiten auf „Ablaufsperre“ klicken.</translation>
    </message>
    <message>
        <source>Show lock: ON</source>
        <translation>Ablaufsperre: AN</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>%1 rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>“%1” is above the segment on air: GO will not reach it (jump to it, or move it down).</source>
        <translation>„%1“ steht über dem Segment auf Sendung: GO erreicht es nicht (dorthin springen oder es nach unten verschieben).</translation>
    </message>
    <message>
        <source>Restore the unsaved edits</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Select a segment in the running order first.</source>
        <translation>Bitte zuerst ein Segment im Ablauf auswählen.</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>Neues Segment</translation>
    </message>
    <message>
        <source>Duplicate “%1”</source>
        <translation>„%1“ duplizieren</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>Segment löschen</translation>
    </message>
    <message>
        <source>Delete “%1” from the running order? (Ctrl+Z brings it back.)</source>
        <translation>„%1“ aus dem Ablauf löschen? (Strg+Z holt es zurück.)</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>The show is locked while on air: click “Show lock” to unlock editing.</source>
        <translation>Während der Sendung ist der Ablauf gesperrt: zum Bearbeiten auf „Ablaufsperre“ klicken.</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit the show</source>
        <translation>Sendung bearbeiten</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source> (written fresh: its layout could not be kept)</source>
        <translation> (neu geschrieben: das Layout konnte nicht erhalten werden)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Their file cannot be used: %1</source>
        <translation>Die andere Fassung kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>closed ({reason})</source>
        <translation>geschlossen ({reason})</translation>
    </message>
    <message>
        <source>no GO</source>
        <translation>kein GO</translation>
    </message>
    <message>
        <source>ended or interrupted</source>
        <translation>beendet oder unterbrochen</translation>
    </message>
</context>
<context>
    <name>SegmentForm</name>
    <message>
        <source>live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>Einspieler</translation>
    </message>
    <message>
        <source>next</source>
        <translation>weiter zum nächsten</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>letztes Bild halten</translation>
    </message>
    <message>
        <source>black</source>
        <translation>auf Schwarz schalten</translation>
    </message>
    <message>
        <source>Segment %1 – %2</source>
        <translation>Segment %1 – %2</translation>
    </message>
    <message>
        <source>m:ss or h:mm:ss</source>
        <translation>m:ss oder h:mm:ss</translation>
    </message>
    <message>
        <source>clips/file.mp4 (relative to the show file)</source>
        <translation>clips/datei.mp4 (relativ zur Sendungsdatei)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>the show's</source>
        <translation>wie die Sendung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Speakers (one a line)</source>
        <translation>Mitwirkende (eine Person pro Zeile)</translation>
    </message>
    <message>
        <source>Talking points (one a line)</source>
        <translation>Stichpunkte (einer pro Zeile)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Clip file</source>
        <translation>Einspieler-Datei</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>At the clip's end</source>
        <translation>Am Ende des Einspielers</translation>
    </message>
    <message>
        <source>Warning from</source>
        <translation>Warnung ab</translation>
    </message>
    <message>
        <source>Danger from</source>
        <translation>Gefahr ab</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>no clip</source>
        <translation>kein Einspieler</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>ShowController</name>
    <message>
        <source>clips cannot play: libVLC is not available</source>
        <translation>Einspieler können nicht laufen: libVLC ist nicht verfügbar</translation>
    </message>
    <message>
        <source>This running order is too large for the crash journal: save it now (Ctrl+S).</source>
        <translation>Dieser Ablauf ist zu groß für das Absturz-Journal: jetzt speichern (Strg+S).</translation>
    </message>
    <message>
        <source>"{title}": {problem}</source>
        <translation>„{title}“: {problem}</translation>
    </message>
</context>
<context>
    <name>ShowEngine</name>
    <message>
        <source>no segment {number} in the running order</source>
        <translation>kein Segment {number} im Ablauf</translation>
    </message>
</context>
<context>
    <name>ShowFile</name>
    <message>
        <source>file not found</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>is a folder, not a show file</source>
        <translation>ist ein Ordner, keine Sendungsdatei</translation>
    </message>
    <message>
        <source>cannot be read (permission denied)</source>
        <translation>kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>ist keine normale Datei</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>is more than 20 MB; a show file is at most 20 MB</source>
        <translation>ist größer als 20 MB; eine Sendungsdatei darf höchstens 20 MB groß sein</translation>
    </message>
    <message>
        <source>is {size_mb:.1f} MB; a show file is at most 20 MB</source>
        <translation>ist {size_mb:.1f} MB groß; eine Sendungsdatei darf höchstens 20 MB groß sein</translation>
    </message>
    <message>
        <source>is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8</source>
        <translation>ist kein UTF-8-Text (Byte 0x{byte:02x}); bitte die Datei als UTF-8 speichern</translation>
    </message>
    <message>
        <source>contains the control character U+{code:04X}, which YAML does not allow</source>
        <translation>enthält das Steuerzeichen U+{code:04X}, das YAML nicht erlaubt</translation>
    </message>
    <message>
        <source>is not valid YAML</source>
        <translation>ist kein gültiges YAML</translation>
    </message>
    <message>
        <source>not valid YAML: {problem}</source>
        <translation>kein gültiges YAML: {problem}</translation>
    </message>
    <message>
        <source>not valid YAML: {exc}</source>
        <translation>kein gültiges YAML: {exc}</translation>
    </message>
    <message>
        <source>not valid YAML: nested too deeply</source>
        <translation>kein gültiges YAML: zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the file is empty; a show file starts with 'version: 1'</source>
        <translation>die Datei ist leer; eine Sendungsdatei beginnt mit „version: 1“</translation>
    </message>
    <message>
        <source>with its aliases expanded, the file has more than {limit} values (each text, list and key is one) by here; a show file holds at most {limit}</source>
        <translation>mit aufgelösten Aliasen hat die Datei bis hier mehr als {limit} Werte (jeder Text, jede Liste und jeder Schlüssel zählt einzeln); eine Sendungsdatei enthält höchstens {limit}</translation>
    </message>
    <message>
        <source>the file has more than {limit} values (each text, list and key is one) by here; a show file holds at most {limit}</source>
        <translation>die Datei hat bis hier mehr als {limit} Werte (jeder Text, jede Liste und jeder Schlüssel zählt einzeln); eine Sendungsdatei enthält höchstens {limit}</translation>
    </message>
    <message>
        <source>found undefined alias {anchor!r}</source>
        <translation>undefinierter Alias {anchor!r} gefunden</translation>
    </message>
    <message>
        <source>found duplicate anchor {anchor!r}; first occurrence</source>
        <translation>doppelter Anker {anchor!r}; erstes Vorkommen</translation>
    </message>
    <message>
        <source>second occurrence</source>
        <translation>zweites Vorkommen</translation>
    </message>
    <message>
        <source>expected a single document in the stream</source>
        <translation>ein einzelnes Dokument im Stream erwartet</translation>
    </message>
    <message>
        <source>but found another document</source>
        <translation>aber ein weiteres Dokument gefunden</translation>
    </message>
    <message>
        <source>a mapping (key: value)</source>
        <translation>eine Zuordnung (Schlüssel: Wert)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>ein einzelner Wert</translation>
    </message>
    <message>
        <source>"{key}" is {length} characters long; at most {limit} are allowed</source>
        <translation>„{key}“ ist {length} Zeichen lang; erlaubt sind höchstens {limit}</translation>
    </message>
    <message>
        <source>the text after " #" is read as a comment; put the text in quotes</source>
        <translation>der Text nach „ #“ wird als Kommentar gelesen; den Text in Anführungszeichen setzen</translation>
    </message>
    <message>
        <source>the YAML tag {tag} is not allowed in a show file</source>
        <translation>das YAML-Tag {tag} ist in einer Sendungsdatei nicht erlaubt</translation>
    </message>
    <message>
        <source>{what} must be {mapping}, not {node}</source>
        <translation>{what} muss {mapping} sein, nicht {node}</translation>
    </message>
    <message>
        <source>merge keys ('&lt;&lt;') are not supported in a show file</source>
        <translation>Merge-Schlüssel („&lt;&lt;“) werden in einer Sendungsdatei nicht unterstützt</translation>
    </message>
    <message>
        <source>a key in {what} must be a plain name</source>
        <translation>{what}: ein Schlüssel muss ein einfacher Name sein</translation>
    </message>
    <message>
        <source>duplicate key "{key}" (first given on line {first})</source>
        <translation>doppelter Schlüssel „{key}“ (zuerst in Zeile {first})</translation>
    </message>
    <message>
        <source>unknown key "{key}" in {what}; did you mean "{hint}"?</source>
        <translation>{what}: unbekannter Schlüssel „{key}“; vielleicht „{hint}“ gemeint?</translation>
    </message>
    <message>
        <source>unknown key "{key}" in {what}; known keys: {known}</source>
        <translation>{what}: unbekannter Schlüssel „{key}“; bekannte Schlüssel: {known}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>"{key}" must be {scalar}, not {node}</source>
        <translation>„{key}“ muss {scalar} sein, nicht {node}</translation>
    </message>
    <message>
        <source>"{key}" is empty</source>
        <translation>„{key}“ ist leer</translation>
    </message>
    <message>
        <source>"{key}" is true or false, not "{word}"</source>
        <translation>„{key}“ ist true oder false, nicht „{word}“</translation>
    </message>
    <message>
        <source>{key} {exc}</source>
        <translation>Feld „{key}“: {exc}</translation>
    </message>
    <message>
        <source>{key} {node} is longer than {limit}</source>
        <translation>{key} {node} ist länger als {limit}</translation>
    </message>
    <message>
        <source>"{key}" must be a list of texts, not {node}</source>
        <translation>„{key}“ muss eine Liste von Texten sein, nicht {node}</translation>
    </message>
    <message>
        <source>an entry of "{key}" must be a text, not {item}</source>
        <translation>ein Eintrag von „{key}“ muss ein Text sein, nicht {item}</translation>
    </message>
    <message>
        <source>an entry of "{key}" is empty</source>
        <translation>ein Eintrag von „{key}“ ist leer</translation>
    </message>
    <message>
        <source>a show file must be a mapping with 'version', 'title' and 'segments', not {root}</source>
        <translation>eine Sendungsdatei muss eine Zuordnung mit „version“, „title“ und „segments“ sein, nicht {root}</translation>
    </message>
    <message>
        <source>the show</source>
        <translation>die Sendung</translation>
    </message>
    <message>
        <source>the show has no "{required}"</source>
        <translation>der Sendung fehlt „{required}“</translation>
    </message>
    <message>
        <source>version "{value}" is not supported; this Presenter reads version 1</source>
        <translation>Version „{value}“ wird nicht unterstützt; dieser Presenter liest Version 1</translation>
    </message>
    <message>
        <source>end "{end}" is not after start "{start}"</source>
        <translation>end „{end}“ liegt nicht nach start „{start}“</translation>
    </message>
    <message>
        <source>danger is longer than warning</source>
        <translation>danger ist länger als warning</translation>
    </message>
    <message>
        <source>"segments" must be a list, not {node}</source>
        <translation>„segments“ muss eine Liste sein, nicht {node}</translation>
    </message>
    <message>
        <source>"segments" is empty; a show needs at least one segment</source>
        <translation>„segments“ ist leer; eine Sendung braucht mindestens ein Segment</translation>
    </message>
    <message>
        <source>duplicate segment id "{id}" (segment {first} has it already)</source>
        <translation>doppelte Segment-ID „{id}“ (Segment {first} hat sie schon)</translation>
    </message>
    <message>
        <source>duplicate segment id "{id}" (segment {first} has it already); the id comes from the title, so give this segment its own "id"</source>
        <translation>doppelte Segment-ID „{id}“ (Segment {first} hat sie schon); die ID kommt aus dem Titel, also diesem Segment eine eigene „id“ geben</translation>
    </message>
    <message>
        <source>segment {number}</source>
        <translation>Segment {number}</translation>
    </message>
    <message>
        <source>{what} has no "title"</source>
        <translation>{what} hat keinen „title“</translation>
    </message>
    <message>
        <source>id "{segment_id}" may only use letters, digits, "-", "_" and "."</source>
        <translation>ID „{segment_id}“ darf nur Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten</translation>
    </message>
    <message>
        <source>kind "{kind_text}" is not one of: {kinds}</source>
        <translation>kind „{kind_text}“ ist keins von: {kinds}</translation>
    </message>
    <message>
        <source>{what} ("{title}") is live and has no "duration"</source>
        <translation>{what} („{title}“) ist live und hat keine „duration“</translation>
    </message>
    <message>
        <source>duration is 0:00</source>
        <translation>duration ist 0:00</translation>
    </message>
    <message>
        <source>{what} has a "clip" but its kind is "{kind}"; use kind: clip</source>
        <translation>{what} hat einen „clip“, aber kind ist „{kind}“; kind: clip verwenden</translation>
    </message>
    <message>
        <source>{what} ("{title}") is a clip segment without "clip" (the video file)</source>
        <translation>{what} („{title}“) ist ein Einspieler-Segment ohne „clip“ (die Videodatei)</translation>
    </message>
    <message>
        <source>{what} is live; "end_action" only applies to clip segments</source>
        <translation>{what} ist live; „end_action“ gilt nur für Einspieler-Segmente</translation>
    </message>
    <message>
        <source>end_action "{action_text}" is not one of: {end_actions}</source>
        <translation>end_action „{action_text}“ ist keins von: {end_actions}</translation>
    </message>
    <message>
        <source>{what}: danger is longer than warning</source>
        <translation>{what}: danger ist länger als warning</translation>
    </message>
    <message>
        <source>"{text}" is not a date YYYY-MM-DD</source>
        <translation>„{text}“ ist kein Datum JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>"{text}" is not m:ss or h:mm:ss</source>
        <translation>„{text}“ ist nicht m:ss oder h:mm:ss</translation>
    </message>
    <message>
        <source>"{text}" is negative</source>
        <translation>„{text}“ ist negativ</translation>
    </message>
    <message>
        <source>"{text}" is not a time of day HH:MM</source>
        <translation>„{text}“ ist keine Uhrzeit HH:MM</translation>
    </message>
    <message>
        <source>"language" is de or en, not "{word}"</source>
        <translation>„language“ ist de oder en, nicht „{word}“</translation>
    </message>
    <message>
        <source>"lower_third" names "{name}", who is not among this segment's speakers</source>
        <translation>„lower_third“ nennt „{name}“, der nicht unter den Sprechern dieses Beitrags ist</translation>
    </message>
    <message>
        <source>"{key}" has more than {limit} characters</source>
        <translation>„{key}“ hat mehr als {limit} Zeichen</translation>
    </message>
    <message>
        <source>a font is named in letters, digits, spaces and commas</source>
        <translation>eine Schrift wird mit Buchstaben, Ziffern, Leerzeichen und Kommas benannt</translation>
    </message>
    <message>
        <source>a colour is #e30613, rgb(…) or a name</source>
        <translation>eine Farbe ist #e30613, rgb(…) oder ein Name</translation>
    </message>
    <message>
        <source>"{key}" cannot be "{value}": {hint}</source>
        <translation>„{key}“ kann nicht „{value}“ sein: {hint}</translation>
    </message>
</context>
<context>
    <name>ShowForm</name>
    <message>
        <source>Show – %1</source>
        <translation>Sendung – %1</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Hard out</source>
        <translation>Sendeschluss</translation>
    </message>
    <message>
        <source>Warning from</source>
        <translation>Warnung ab</translation>
    </message>
    <message>
        <source>Danger from</source>
        <translation>Gefahr ab</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>ShowSave</name>
    <message>
        <source>{name} was changed by someone else since it was opened</source>
        <translation>{name} wurde seit dem Öffnen von jemand anderem geändert</translation>
    </message>
    <message>
        <source># Show file for Presenter (format version 1). Clip paths are relative to this file.
</source>
        <translation># Sendungsdatei für Presenter (Format-Version 1). Einspieler-Pfade sind relativ zu dieser Datei.
</translation>
    </message>
    <message>
        <source>the show could not be written so that it reads back the same; nothing was saved</source>
        <translation>die Sendung konnte nicht so geschrieben werden, dass sie sich gleich wieder einliest; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>the show has no file yet; use Save as</source>
        <translation>die Sendung hat noch keine Datei; „Speichern unter“ verwenden</translation>
    </message>
    <message>
        <source>{name} cannot be written ({error}); nothing was saved</source>
        <translation>{name} kann nicht geschrieben werden ({error}); nichts wurde gespeichert</translation>
    </message>
</context>
<context>
    <name>StateLock</name>
    <message>
        <source>another Presenter (pid {pid}) is using the state directory {directory}; close it first, or start this one with another --state-dir</source>
        <translation>ein anderer Presenter (PID {pid}) nutzt das Zustandsverzeichnis {directory}; bitte zuerst schließen oder diesen mit einem anderen --state-dir starten</translation>
    </message>
    <message>
        <source>another Presenter (another process) is using the state directory {directory}; close it first, or start this one with another --state-dir</source>
        <translation>ein anderer Presenter (ein anderer Prozess) nutzt das Zustandsverzeichnis {directory}; bitte zuerst schließen oder diesen mit einem anderen --state-dir starten</translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source># Running order for Presenter (show file format version 1).
# Clip paths are relative to this file: put the clips in the folder clips/ beside it.
</source>
        <translation># Ablauf für Presenter (Sendungsdatei, Format-Version 1).
# Einspieler-Pfade sind relativ zu dieser Datei: die Einspieler in den Ordner clips/ daneben legen.
</translation>
    </message>
</context>
<context>
    <name>Thumbnails</name>
    <message>
        <source>MISSING</source>
        <translation>FEHLT</translation>
    </message>
    <message>
        <source>CANNOT BE DECODED</source>
        <translation>NICHT DECODIERBAR</translation>
    </message>
    <message>
        <source>NO PREVIEW</source>
        <translation>KEINE VORSCHAU</translation>
    </message>
    <message>
        <source>NO VIDEO</source>
        <translation>KEIN VIDEO</translation>
    </message>
    <message>
        <source>NOT A VIDEO</source>
        <translation>KEINE VIDEODATEI</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>GO</source>
        <translation>GO</translation>
    </message>
    <message>
        <source>GO: end of show</source>
        <translation>GO: Sendeschluss</translation>
    </message>
    <message>
        <source>GO: {number} {title}</source>
        <translation>GO: {number} {title}</translation>
    </message>
    <message>
        <source>Back takes the last GO back</source>
        <translation>Zurück nimmt das letzte GO zurück</translation>
    </message>
    <message>
        <source>Back makes {number}. {title} next</source>
        <translation>Zurück setzt {number}. {title} als Nächstes</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Make selected next</source>
        <translation>Ausgewähltes als Nächstes</translation>
    </message>
    <message>
        <source>GO then puts it on air (or double-click a row)</source>
        <translation>GO bringt es dann auf Sendung (oder Doppelklick auf eine Zeile)</translation>
    </message>
    <message>
        <source>Skip / unskip selected</source>
        <translation>Ausgewähltes auslassen / wieder aufnehmen</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 Min</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 Min</translation>
    </message>
    <message>
        <source>Pause / resume clip</source>
        <translation>Einspieler anhalten / fortsetzen</translation>
    </message>
    <message>
        <source>Restart clip</source>
        <translation>Einspieler neu starten</translation>
    </message>
    <message>
        <source>STOP to black (Esc)</source>
        <translation>SCHWARZ (Esc)</translation>
    </message>
    <message>
        <source>Clip on air</source>
        <translation>Einspieler auf Sendung</translation>
    </message>
    <message>
        <source>Back to standby</source>
        <translation>Zurück auf Bereit</translation>
    </message>
    <message>
        <source>Back from the first segment puts the show back to standby: the program output goes black, the show's clock stops and the next GO starts the show again.</source>
        <translation>Zurück vom ersten Segment setzt die Sendung auf Bereit zurück: das Sendebild wird schwarz, die Sendungsuhr hält an und das nächste GO startet die Sendung neu.</translation>
    </message>
    <message>
        <source>Select a segment in the running order to make it next.</source>
        <translation>Bitte im Ablauf ein Segment wählen, um es als Nächstes zu setzen.</translation>
    </message>
    <message>
        <source>Skip selected</source>
        <translation>Ausgewähltes auslassen</translation>
    </message>
    <message>
        <source>Unskip selected</source>
        <translation>Ausgewähltes wieder aufnehmen</translation>
    </message>
</context>
<context>
    <name>VideoPane</name>
    <message>
        <source>Select a clip to preview it</source>
        <translation>Einspieler wählen, um ihn in der Vorschau zu sehen</translation>
    </message>
</context>
<context>
    <name>WebView</name>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>connection lost – reconnecting (the timer keeps counting)</source>
        <translation>Verbindung verloren – verbinde neu (der Timer zählt weiter)</translation>
    </message>
    <message>
        <source>connection lost – reconnecting</source>
        <translation>Verbindung verloren – verbinde neu</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>Presenter – countdown</source>
        <translation>Presenter – Countdown</translation>
    </message>
    <message>
        <source>Presenter – views</source>
        <translation>Presenter – Ansichten</translation>
    </message>
    <message>
        <source>Presenter – moderator</source>
        <translation>Presenter – Moderation</translation>
    </message>
    <message>
        <source>Presenter – questions</source>
        <translation>Presenter – Fragen</translation>
    </message>
    <message>
        <source>timer, talking points, next, messages</source>
        <translation>Timer, Stichpunkte, Danach, Nachrichten</translation>
    </message>
    <message>
        <source>the timer only</source>
        <translation>nur der Timer</translation>
    </message>
    <message>
        <source>for a delayed stream</source>
        <translation>für einen verzögerten Stream</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>This page needs the control PIN: open it as</source>
        <translation>Diese Seite braucht die Steuer-PIN: so öffnen:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>A viewer's question</source>
        <translation>Frage aus dem Publikum</translation>
    </message>
    <message>
        <source>start overdue by</source>
        <translation>Beginn überfällig seit</translation>
    </message>
    <message>
        <source>on air in</source>
        <translation>auf Sendung in</translation>
    </message>
    <message>
        <source>over by</source>
        <translation>überzogen um</translation>
    </message>
    <message>
        <source>remaining</source>
        <translation>noch</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
</context>
<context>
    <name>WindowPlacement</name>
    <message>
        <source>{label}: remembered screen {name} is not connected; windowed beside the director</source>
        <translation>{label}: gespeicherter Bildschirm {name} ist nicht angeschlossen; im Fenster neben der Regie</translation>
    </message>
    <message>
        <source>{label}: fullscreen on screen {screen}</source>
        <translation>{label}: Vollbild auf Bildschirm {screen}</translation>
    </message>
    <message>
        <source>{label}: window beside the director</source>
        <translation>{label}: Fenster neben der Regie</translation>
    </message>
    <message>
        <source>{label}: window on screen {screen}</source>
        <translation>{label}: Fenster auf Bildschirm {screen}</translation>
    </message>
    <message>
        <source>Windows — {places}</source>
        <translation>Fenster — {places}</translation>
    </message>
    <message>
        <source>{label}: screen {screen} does not exist ({count} screens); windowed beside the director</source>
        <translation>{label}: Bildschirm {screen} gibt es nicht ({count} Bildschirme); im Fenster neben der Regie</translation>
    </message>
    <message>
        <source>{label}: screen {screen} is the director's screen; it opens in a window beside the director instead of covering it (connect another screen and choose it)</source>
        <translation>{label}: Bildschirm {screen} ist der Bildschirm der Regie; es öffnet sich in einem Fenster neben der Regie, statt sie zu verdecken (einen anderen Bildschirm anschließen und wählen)</translation>
    </message>
    <message>
        <source>The {first} and the {second} are both fullscreen on screen {screen}: one covers the other.</source>
        <translation>{first} und {second} sind beide im Vollbild auf Bildschirm {screen}: eines verdeckt das andere.</translation>
    </message>
    <message>
        <source>Move the {label} to screen {screen}</source>
        <translation>{label} auf Bildschirm {screen} verschieben</translation>
    </message>
    <message>
        <source>Put the {label} in a window beside the director</source>
        <translation>{label} in einem Fenster neben die Regie legen</translation>
    </message>
    <message>
        <source>{label}: screen {screen} does not exist</source>
        <translation>{label}: Bildschirm {screen} gibt es nicht</translation>
    </message>
    <message>
        <source>Screen {name} disconnected: {label} moved beside the director</source>
        <translation>Bildschirm {name} getrennt: {label} neben die Regie verschoben</translation>
    </message>
    <message>
        <source>Screen {name} connected: {label} is back on it</source>
        <translation>Bildschirm {name} angeschlossen: {label} ist wieder darauf</translation>
    </message>
</context>
<context>
    <name>remote</name>
    <message>
        <source>Remote control: %1</source>
        <translation>Fernsteuerung: %1</translation>
    </message>
</context>
<context>
    <name>theme</name>
    <message>
        <source>STANDBY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>WRAP UP</source>
        <translation>ZUM SCHLUSS KOMMEN</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>SCHLUSS</translation>
    </message>
    <message>
        <source>OVERTIME</source>
        <translation>ÜBERZOGEN</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>AUF SENDUNG</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>holding last frame</source>
        <translation>letztes Bild wird gehalten</translation>
    </message>
    <message>
        <source>ended (black)</source>
        <translation>beendet (Schwarz)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
</TS>