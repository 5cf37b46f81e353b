export { downloadFile, type DownloadFileOptions } from './download-file.js';
export { files, createFilesApi, type FilesApi } from './plugin.js';
