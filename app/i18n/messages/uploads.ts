import { defineMessages } from "../define";

export const uploads = defineMessages(
  {
    "uploads.hint":
      "Erlaubt sind PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), JPEG und PNG, höchstens {max} MB je Datei.",
    "uploads.hintPhotos": "Erlaubt sind Fotos als JPEG und PNG, höchstens {max} MB je Datei.",
    "uploads.submit": "Datei hochladen",
    "uploads.progress": "Fortschritt beim Hochladen",
    "uploads.progressText": "{percent} Prozent hochgeladen",
    "uploads.done": "Die Datei wurde hochgeladen.",
    "uploads.failed": "Das Hochladen hat nicht geklappt. Bitte versuchen Sie es noch einmal.",
    "uploads.error.missing": "Bitte wählen Sie eine Datei aus.",
    "uploads.error.tooLarge":
      "Die Datei ist zu groß. Erlaubt sind höchstens {max} MB je Datei. Bitte verkleinern Sie die Datei, zum Beispiel indem Sie Bilder komprimieren.",
    "uploads.error.type":
      "Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), JPEG und PNG.",
    "uploads.error.mismatch":
      "Der Inhalt der Datei passt nicht zu ihrer Dateiendung. Bitte speichern Sie die Datei im richtigen Format und laden Sie sie noch einmal hoch.",
    "uploads.error.zipBomb":
      "Diese Office-Datei ist ungewöhnlich aufgebaut: entpackt wäre sie viel zu groß oder sie besteht aus zu vielen Teilen. Sie wird deshalb nicht angenommen.",
    "uploads.error.macro":
      "Office-Dateien mit Makros werden nicht angenommen. Bitte speichern Sie die Datei ohne Makros als DOCX, PPTX oder XLSX.",
    "uploads.error.name":
      "Der Dateiname enthält Pfadangaben oder unsichtbare Steuerzeichen. Bitte benennen Sie die Datei um und laden Sie sie noch einmal hoch.",
    "uploads.error.image": "Das Bild ist beschädigt oder zu groß (höchstens 40 Megapixel).",
    "uploads.error.damaged":
      "Die Datei ist beschädigt oder konnte nicht vollständig empfangen werden. Bitte laden Sie sie noch einmal hoch.",
    "uploads.error.quota":
      "Der Speicherplatz Ihrer Gruppe ist aufgebraucht. Bitte wenden Sie sich an das Kommunale Integrationszentrum.",
    "uploads.error.tooMany": "Bitte laden Sie nur eine Datei auf einmal hoch.",
    "uploads.error.noSpace":
      "Die Datei konnte nicht gespeichert werden: Der Speicher des Servers ist gerade voll. Es wurde nichts gespeichert. Bitte versuchen Sie es später noch einmal oder wenden Sie sich an das Kommunale Integrationszentrum.",
    "uploads.version": "Version {version}",
    "uploads.size": "{size}",
    "uploads.missing.title": "Datei nicht verfügbar",
    "uploads.missing.text":
      "Diese Datei ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal oder wenden Sie sich an das Kommunale Integrationszentrum.",
    "uploads.unavailable.title": "Datei gerade nicht erreichbar",
    "uploads.unavailable.text":
      "Der Dateispeicher antwortet gerade nicht. Bitte versuchen Sie es in einer Minute noch einmal.",
  },
  {
    "uploads.hint":
      "Allowed: PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), JPEG and PNG, at most {max} MB per file.",
    "uploads.hintPhotos": "Allowed: photos as JPEG and PNG, at most {max} MB per file.",
    "uploads.submit": "Upload file",
    "uploads.progress": "Upload progress",
    "uploads.progressText": "{percent} percent uploaded",
    "uploads.done": "The file has been uploaded.",
    "uploads.failed": "The upload did not work. Please try again.",
    "uploads.error.missing": "Please choose a file.",
    "uploads.error.tooLarge":
      "The file is too large. At most {max} MB per file are allowed. Please make it smaller, for example by compressing images.",
    "uploads.error.type":
      "This file type is not allowed. Allowed are PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), JPEG and PNG.",
    "uploads.error.mismatch":
      "The content of the file does not match its extension. Please save it in the right format and upload it again.",
    "uploads.error.zipBomb":
      "This Office file is built in an unusual way: unpacked it would be far too large or it has too many parts. It is not accepted.",
    "uploads.error.macro":
      "Office files with macros are not accepted. Please save the file without macros as DOCX, PPTX or XLSX.",
    "uploads.error.name":
      "The file name contains a path or invisible control characters. Please rename the file and upload it again.",
    "uploads.error.image": "The image is damaged or too large (at most 40 megapixels).",
    "uploads.error.damaged": "The file is damaged or was not received completely. Please upload it again.",
    "uploads.error.quota": "Your group's storage is full. Please contact the integration office.",
    "uploads.error.tooMany": "Please upload one file at a time.",
    "uploads.error.noSpace":
      "The file could not be stored: the server's storage is full at the moment. Nothing was saved. Please try again later or contact the integration office.",
    "uploads.version": "Version {version}",
    "uploads.size": "{size}",
    "uploads.missing.title": "File not available",
    "uploads.missing.text":
      "This file is not available right now. Please try again later or contact the municipal integration centre.",
    "uploads.unavailable.title": "File not reachable right now",
    "uploads.unavailable.text": "The file store is not answering right now. Please try again in a minute.",
  },
);
