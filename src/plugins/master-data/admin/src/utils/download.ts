/** Saves a blob as a file (the browser's save dialog or downloads folder). */
export const downloadBlob = (fileName: string, blob: Blob) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Saves a text as a file. */
export const downloadText = (fileName: string, text: string, type = 'application/json') => downloadBlob(fileName, new Blob([text], { type }));
