/**
 * Files sent as multipart/form-data: the one file and its text fields, the fields checked by a
 * Zod schema (every fault named, like any other body), the file refused over its size limit.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalid, isAppError, issue, type AppError } from './errors.ts';
import { fieldIssueFromZod, nulIssues } from './validation.ts';

export interface Upload<Fields> {
  /** The file name the client gave, or `fallbackName`. */
  name: string;
  bytes: Buffer;
  fields: Fields;
}

export interface UploadLimits {
  maxBytes: number;
  /** The error for a file over `maxBytes`, naming the file and the limit. */
  tooLarge: (fileName: string) => AppError;
  fallbackName: string;
}

/** Lets the routes of a scope receive one file of at most `maxBytes` and a few fields. */
export function acceptUploads(scope: FastifyInstance, maxBytes: number) {
  return scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
}

/** The request's file and fields; refused (400, 413) naming what is wrong. */
export async function receiveUpload<S extends z.ZodType>(request: FastifyRequest, fieldsSchema: S, limits: UploadLimits): Promise<Upload<z.infer<S>>> {
  const file = request.isMultipart() ? await request.file().catch(unreadableBody) : undefined;
  if (!file) throw invalid([issue('body.file', 'file_missing', 'send the file as a multipart/form-data field named "file"')]);
  const bytes = await file.toBuffer().catch((error: unknown) => {
    if (error instanceof request.server.multipartErrors.RequestFileTooLargeError) throw limits.tooLarge(file.filename);
    return unreadableBody(error);
  });
  // toBuffer only notices the limit while chunks still arrive: a file just over it can end cut, not refused.
  if (file.file.truncated) throw limits.tooLarge(file.filename);
  const sent = Object.fromEntries(
    Object.entries(file.fields).flatMap(([name, field]) =>
      name !== 'file' && field && !Array.isArray(field) && field.type === 'field' ? [[name, String(field.value)]] : [],
    ),
  );
  const nul = nulIssues('body', sent);
  if (nul.length > 0) throw invalid(nul);
  const fields = fieldsSchema.safeParse(sent);
  if (!fields.success) throw invalid(fields.error.issues.map((i) => fieldIssueFromZod('body', i, sent)));
  return { name: file.filename || limits.fallbackName, bytes, fields: fields.data };
}

/** A multipart body that ends early or is not multipart at all (the parser's own errors) is the sender's fault: 400. */
function unreadableBody(error: unknown): never {
  if (isAppError(error) || (error as { statusCode?: number } | null)?.statusCode !== undefined) throw error;
  throw invalid([issue('body', 'file_unreadable', `the multipart body cannot be read (${error instanceof Error ? error.message : 'malformed'}); send the file again`)]);
}
